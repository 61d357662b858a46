package io.k2connect.simulator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The life of a payment link (docs/k2-api.md §13, docs/k2-webhooks.md §4.8): created
 * {@code Active}, then paid by a customer, cancelled by the merchant or expired at its
 * {@code expires_at} by the simulator's clock. Only an active link can be paid or
 * cancelled. The state lives in the status document's {@code payment_link}; every change
 * happens under the state's monitor.
 */
final class PaymentLinks {

	/**
	 * K2's links expire a week after they were created (result-payment_link-paid.json).
	 */
	static final Duration LIFETIME = Duration.ofDays(7);

	static final String ACTIVE = "Active";

	static final String CANCELLED = "Cancelled";

	static final String EXPIRED = "Expired";

	static final String PAID = "Paid";

	private final Clock clock;

	private final String baseUrl;

	private final SimulatorState state;

	private final Outcomes outcomes;

	PaymentLinks(Clock clock, String baseUrl, SimulatorState state, Outcomes outcomes) {
		this.clock = clock;
		this.baseUrl = baseUrl;
		this.state = state;
		this.outcomes = outcomes;
	}

	/**
	 * The attributes of a new link, in the key order of status-payment_link-active.json.
	 */
	void initialAttributes(ObjectNode body, ObjectNode attributes, OffsetDateTime now, String location) {
		String tillNumber = Wire.text(body, "till_number").strip();
		// K2's own example says Processed: the creation was processed; the link's own
		// state is payment_link.payment_link_status.
		attributes.put("status", "Processed");
		attributes.put("created_at", Wire.millis(now));
		attributes.put("till_name", "Simulated Till " + tillNumber);
		attributes.put("till_number", tillNumber);
		attributes.set("amount", body.get("amount").deepCopy());
		attributes.put("currency", Wire.text(body, "currency"));
		attributes.put("payment_reference", Wire.text(body, "payment_reference"));
		attributes.put("note", Wire.text(body, "note"));
		ObjectNode link = attributes.putObject("payment_link");
		link.put("payment_link_status", ACTIVE);
		link.put("expires_at", Wire.millis(now.plus(LIFETIME)));
		link.put("initiator_name", "Simulated Merchant");
		link.put("link", this.baseUrl + "/links/" + UUID.randomUUID());
		attributes.putNull("errors");
		Documents.metadata(attributes, body);
		Documents.links(attributes, Wire.text(Wire.object(body, "_links"), "callback_url"), location);
	}

	/**
	 * {@code POST /api/v2/payment_links/{id}/cancel}: 200 {@code {"message": "Payment
	 * link cancelled."}}, or 400 when the link is no longer active, 404 when there is
	 * none.
	 */
	HttpReply cancel(String id) {
		synchronized (this.state) {
			StoredResource resource = this.state.resource(Collection.PAYMENT_LINKS, id);
			if (resource == null) {
				return HttpReply.apiError(404, "The requested payment_link could not be found");
			}
			String refusal = refusal(resource);
			if (refusal != null) {
				return HttpReply.apiError(400, refusal);
			}
			replaceLinkStatus(resource, CANCELLED);
		}
		return HttpReply.json(200, Wire.object().put("message", "Payment link cancelled."));
	}

	/**
	 * A customer pays the link: the payment is recorded as a till payment, the signed
	 * {@code payment_link} result goes to the callback URL, then
	 * {@code buygoods_transaction_received} to the matching subscriptions.
	 * @throws IllegalArgumentException when there is no such link
	 * @throws IllegalStateException when the link is paid, cancelled or expired
	 */
	TillTransaction pay(String id, String phone, @Nullable String firstName, @Nullable String middleName,
			@Nullable String lastName) {
		synchronized (this.state) {
			StoredResource resource = this.state.resource(Collection.PAYMENT_LINKS, id);
			if (resource == null) {
				throw new IllegalArgumentException("There is no payment link " + id);
			}
			String refusal = refusal(resource);
			if (refusal != null) {
				throw new IllegalStateException(refusal);
			}
			ObjectNode attributes = resource.attributes();
			BigDecimal amount = new BigDecimal(attributes.get("amount").asString().strip());
			TillTransaction tx = this.outcomes.recordTillPayment(Wire.text(attributes, "till_number"), amount, phone,
					firstName, middleName, lastName);
			ObjectNode document = resource.document().deepCopy();
			ObjectNode link = (ObjectNode) document.at("/data/attributes/payment_link");
			ObjectNode paid = Wire.object();
			paid.put("status", PAID);
			paid.set("expires_at", link.get("expires_at"));
			paid.set("link", link.get("link"));
			paid.put("transaction_reference", tx.reference());
			// A JSON number in K2's result (docs/k2-webhooks.md §4.8).
			paid.put("sender_phone_number", Long.parseLong(phone.substring(1)));
			paid.put("origination_time", Wire.millis(tx.originationTime()));
			((ObjectNode) document.at("/data/attributes")).set("payment_link", paid);
			resource.replaceDocument(document);
			this.outcomes.postResult(resource);
			this.outcomes.announce(tx);
			return tx;
		}
	}

	/** Marks an active link whose time is up as expired, so its document says so. */
	void expireIfDue(StoredResource resource) {
		synchronized (this.state) {
			if (ACTIVE.equals(linkStatus(resource)) && isDue(resource)) {
				replaceLinkStatus(resource, EXPIRED);
			}
		}
	}

	/**
	 * Why the link cannot be paid or cancelled any more, or {@code null} when it is
	 * active.
	 */
	private @Nullable String refusal(StoredResource resource) {
		expireIfDue(resource);
		String status = linkStatus(resource);
		return switch (status) {
			case PAID -> "Payment link has already been paid";
			case CANCELLED -> "Payment link has been cancelled";
			case EXPIRED -> "Payment link has expired";
			default -> null;
		};
	}

	private boolean isDue(StoredResource resource) {
		String expiresAt = Wire.text(resource.attributes().get("payment_link"), "expires_at");
		return !OffsetDateTime.parse(expiresAt).toInstant().isAfter(this.clock.instant());
	}

	/** {@code payment_link_status} before payment, {@code status} after. */
	private static String linkStatus(StoredResource resource) {
		JsonNode link = resource.attributes().get("payment_link");
		String status = Wire.text(link, "payment_link_status");
		return (status != null) ? status : Wire.text(link, "status");
	}

	private static void replaceLinkStatus(StoredResource resource, String status) {
		ObjectNode document = resource.document().deepCopy();
		((ObjectNode) document.at("/data/attributes/payment_link")).put("payment_link_status", status);
		resource.replaceDocument(document);
	}

}
