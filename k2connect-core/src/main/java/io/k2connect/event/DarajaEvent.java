package io.k2connect.event;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * A flat Safaricom-Daraja-style event, sent instead of
 * {@code buygoods_transaction_received} and {@code b2b_transaction_received} webhooks to
 * subscriptions created with {@code enable_daraja_payload: true} (docs/k2-webhooks.md
 * §3.9). Recognised by its {@code TransactionType}; it has no topic, id or links.
 * Component names follow the Python and Ruby SDKs.
 *
 * @param transactionType {@code TransactionType}, e.g. {@code Buygoods},
 * {@code Pay Bill}, {@code Business Payment}
 * @param transactionId {@code TransID}, the M-PESA receipt
 * @param transactionTime {@code TransTime} as sent, {@code yyyyMMddHHmmss}; see
 * {@link #transactionDateTime()}
 * @param transactionAmount {@code TransAmount}
 * @param businessShortCode {@code BusinessShortCode}: the till or short code
 * @param billRefNumber {@code BillRefNumber}
 * @param invoiceNumber {@code InvoiceNumber}
 * @param orgAccountBalance {@code OrgAccountBalance}; {@code null} when sent empty
 * @param thirdPartyTransactionId {@code ThirdPartyTransID} or {@code ThirdPartyTransId}
 * (both spellings occur)
 * @param msisdn {@code MSISDN}: a phone number, a hash of one, or the paying short code
 * for B2B
 * @param firstName {@code FirstName}
 * @param middleName {@code MiddleName}
 * @param lastName {@code LastName}
 */
public record DarajaEvent(@Nullable String transactionType, @Nullable String transactionId,
		@Nullable String transactionTime, @Nullable BigDecimal transactionAmount, @Nullable String businessShortCode,
		@Nullable String billRefNumber, @Nullable String invoiceNumber, @Nullable BigDecimal orgAccountBalance,
		@Nullable String thirdPartyTransactionId, @Nullable String msisdn, @Nullable String firstName,
		@Nullable String middleName, @Nullable String lastName) implements K2Payload {

	private static final DateTimeFormatter TRANS_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

	/**
	 * {@code TransTime} as a local date-time, or {@code null} if it is not
	 * {@code yyyyMMddHHmmss}. Safaricom sends no offset (the clock is Kenyan, UTC+3).
	 */
	public @Nullable LocalDateTime transactionDateTime() {
		if (this.transactionTime == null || this.transactionTime.length() != 14) {
			return null;
		}
		try {
			return LocalDateTime.parse(this.transactionTime, TRANS_TIME);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
