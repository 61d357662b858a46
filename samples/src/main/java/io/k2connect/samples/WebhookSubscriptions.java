package io.k2connect.samples;

import io.k2connect.K2Exception;
import io.k2connect.subscription.WebhookEventType;
import io.k2connect.subscription.WebhookService;
import io.k2connect.subscription.WebhookSubscriptionRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Subscribes to the webhooks the shop wants once it can receive them (its port is known):
 * payments into its till, and completed settlements.
 */
@Component
class WebhookSubscriptions {

	private static final Log logger = LogFactory.getLog(WebhookSubscriptions.class);

	private final WebhookService webhooks;

	private final CallbackUrls callbackUrls;

	private final ShopProperties shop;

	private final Ledger ledger;

	WebhookSubscriptions(WebhookService webhooks, CallbackUrls callbackUrls, ShopProperties shop, Ledger ledger) {
		this.webhooks = webhooks;
		this.callbackUrls = callbackUrls;
		this.shop = shop;
		this.ledger = ledger;
	}

	@EventListener(ApplicationReadyEvent.class)
	void subscribe() {
		String url = this.callbackUrls.webhookEndpoint().toString();
		try {
			this.webhooks.createSubscription(WebhookSubscriptionRequest
				.forTill(WebhookEventType.BUYGOODS_TRANSACTION_RECEIVED, url, this.shop.tillNumber()));
			this.webhooks.createSubscription(
					WebhookSubscriptionRequest.forCompany(WebhookEventType.SETTLEMENT_TRANSFER_COMPLETED, url));
			this.ledger.received("Subscribed",
					"buygoods_transaction_received and settlement_transfer_completed at " + url);
		}
		catch (K2Exception ex) {
			// The shop still works without webhooks (callbacks need none); say why they
			// are missing.
			logger.warn("Could not subscribe to K2 webhooks at " + url + ": " + ex.getMessage());
		}
	}

}
