package io.k2connect.samples;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shop's own settings.
 *
 * @param tillNumber the Online Payments till that STK pushes pay into
 * @param publicUrl the URL at which K2 reaches this application (https in the sandbox);
 * when unset, {@code http://localhost:<port>}, which is what the embedded simulator calls
 * @param payoutRecipientReference the {@code recipient_reference} of the PAY recipient
 * that payouts go to on K2 (from the dashboard); unset on the simulator
 */
@ConfigurationProperties("shop")
public record ShopProperties(String tillNumber, @Nullable URI publicUrl, @Nullable String payoutRecipientReference) {

	public ShopProperties {
		tillNumber = (tillNumber == null || tillNumber.isBlank()) ? "K000000" : tillNumber;
		payoutRecipientReference = (payoutRecipientReference == null || payoutRecipientReference.isBlank()) ? null
				: payoutRecipientReference;
		publicUrl = (publicUrl == null || publicUrl.toString().isBlank()) ? null : publicUrl;
	}

}
