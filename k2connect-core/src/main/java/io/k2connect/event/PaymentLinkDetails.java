package io.k2connect.event;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * {@code attributes.payment_link} of a {@code payment_link} result (docs/k2-webhooks.md
 * §4.8). Its fields differ by stage: an unpaid link has {@code paymentLinkStatus},
 * {@code initiatorName}; a paid one has {@code status} {@code Paid} and the payment's
 * details.
 *
 * @param status {@code status}, e.g. {@code Paid} (paid callback)
 * @param paymentLinkStatus {@code payment_link_status}, e.g. {@code Active} (status
 * document)
 * @param expiresAt {@code expires_at}
 * @param initiatorName {@code initiator_name}
 * @param link {@code link}: absolute, or relative ({@code /links/<uuid>})
 * @param transactionReference {@code transaction_reference} of the payment
 * @param senderPhoneNumber {@code sender_phone_number} (a JSON number on the wire)
 * @param originationTime {@code origination_time} of the payment
 */
public record PaymentLinkDetails(@Nullable String status, @Nullable String paymentLinkStatus,
		@Nullable OffsetDateTime expiresAt, @Nullable String initiatorName, @Nullable String link,
		@Nullable String transactionReference, @Nullable String senderPhoneNumber,
		@Nullable OffsetDateTime originationTime) {

	/** Whether the link has been paid: {@code status} {@code Paid} (any case). */
	public boolean isPaid() {
		return Values.is(this.status, "Paid");
	}

}
