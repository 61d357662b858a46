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
 */
@ConfigurationProperties("shop")
public record ShopProperties(String tillNumber, @Nullable URI publicUrl) {

	public ShopProperties {
		tillNumber = (tillNumber == null || tillNumber.isBlank()) ? "K000000" : tillNumber;
		publicUrl = (publicUrl == null || publicUrl.toString().isBlank()) ? null : publicUrl;
	}

}
