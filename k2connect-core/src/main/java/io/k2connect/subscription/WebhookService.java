package io.k2connect.subscription;

import java.util.Objects;

import io.k2connect.ApiVersion;
import io.k2connect.K2Transport;
import io.k2connect.K2ValidationException;
import io.k2connect.RequestOptions;
import io.k2connect.ResourceLocation;
import io.k2connect.internal.JsonBodies;
import tools.jackson.databind.node.ObjectNode;

/**
 * Webhook subscriptions: telling K2 where to post events such as received Buy Goods
 * payments (docs/k2-api.md §3). Obtain it from {@link io.k2connect.K2Client#webhooks()}.
 */
public final class WebhookService {

	static final String COLLECTION = "/webhook_subscriptions";

	private final K2Transport transport;

	/**
	 * Creates the service; applications get theirs from
	 * {@link io.k2connect.K2Client#webhooks()}.
	 * @param transport how the service reaches K2: the client's own, or a stand-in
	 */
	public WebhookService(K2Transport transport) {
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
	}

	/**
	 * Subscribes to a webhook topic ({@code POST /api/v2/webhook_subscriptions}, or
	 * {@code /api/v1/...} with {@link ApiVersion#V1}). From then on K2 posts each
	 * matching event, signed with the API key, to the request's URL.
	 * @param request the subscription
	 * @return where K2 keeps the subscription
	 */
	public ResourceLocation createSubscription(WebhookSubscriptionRequest request) {
		return createSubscription(request, RequestOptions.defaults());
	}

	/**
	 * Subscribes to a webhook topic, with per-call options; see
	 * {@link #createSubscription(WebhookSubscriptionRequest)}.
	 * @param request the subscription
	 * @param options per-call options
	 * @return where K2 keeps the subscription
	 */
	public ResourceLocation createSubscription(WebhookSubscriptionRequest request, RequestOptions options) {
		Objects.requireNonNull(request, "request must not be null");
		String path = this.transport.versioned(COLLECTION);
		// v1 has no such field: refused rather than silently dropped.
		if (request.enableDarajaPayload() && path.startsWith(ApiVersion.V1.pathPrefix() + "/")) {
			throw new K2ValidationException("enable_daraja_payload",
					"is sent only by API v2 (the client uses ApiVersion.V1)");
		}
		return this.transport.create(path, body(request), options);
	}

	static ObjectNode body(WebhookSubscriptionRequest request) {
		ObjectNode body = JsonBodies.object()
			.put("event_type", request.eventType().wireValue())
			.put("url", request.url().toString())
			.put("scope", request.scope().wireValue());
		// An explicit null for company scope, as K2's docs and the PHP and Python SDKs
		// send it.
		body.put("scope_reference", request.scopeReference());
		// Left out when false, K2's default, so a v1-shaped body stays as it was.
		return request.enableDarajaPayload() ? body.put("enable_daraja_payload", true) : body;
	}

	@Override
	public String toString() {
		return "WebhookService[" + this.transport.baseUrl() + "]";
	}

}
