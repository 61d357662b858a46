package io.k2connect.simulator;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Supplier;

import io.k2connect.model.PhoneNumber;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /simulator/...}: the simulator's own endpoints, for users who run it with
 * {@code java -jar} and drive it from another language. No token is needed and no fault
 * ever applies to them. They mirror the Java API of {@link K2Simulator}.
 */
final class AdminEndpoints {

	private final K2Simulator simulator;

	AdminEndpoints(K2Simulator simulator) {
		this.simulator = simulator;
	}

	HttpReply handle(RecordedRequest request, String path) {
		String method = request.method();
		return switch (path) {
			case "/simulator" -> get(method, this::info);
			case "/simulator/buygoods" -> post(method, () -> buygoods(request));
			case "/simulator/requests" -> get(method, this::requests);
			case "/simulator/deliveries" -> get(method, this::deliveries);
			case "/simulator/transactions" -> get(method, this::transactions);
			case "/simulator/reset" -> post(method, () -> {
				this.simulator.reset();
				return HttpReply.empty(204);
			});
			case "/simulator/faults" -> post(method, () -> faults(request));
			default -> paymentLink(request, path);
		};
	}

	/**
	 * {@code POST /simulator/payment_links/{id}/pay} with {@code {phone_number,
	 * first_name?, middle_name?, last_name?}}: as {@link K2Simulator#payPaymentLink}.
	 */
	private HttpReply paymentLink(RecordedRequest request, String path) {
		String[] segments = path.substring(1).split("/");
		if (segments.length != 4 || !segments[1].equals("payment_links") || !segments[3].equals("pay")) {
			return HttpReply.apiError(404, "No simulator endpoint " + path);
		}
		return post(request.method(), () -> {
			ObjectNode body = Wire.parseObject(request.body());
			if (body == null) {
				return HttpReply.apiError(400, "Request body must be a JSON object");
			}
			Validation v = new Validation();
			String phone = v.requiredText(body, "phone_number", "Phone number");
			if (phone != null && PhoneNumber.tryParse(phone) == null) {
				v.problem("Phone number is an invalid number");
			}
			if (!v.isValid()) {
				return v.reply();
			}
			Payer payer = payer(body);
			try {
				TillTransaction tx = this.simulator.payPaymentLink(segments[2], phone, payer.first(), payer.middle(),
						payer.last());
				return HttpReply.json(201, transaction(tx));
			}
			catch (IllegalArgumentException ex) {
				return HttpReply.apiError(404, "The requested payment_link could not be found");
			}
			catch (IllegalStateException ex) {
				return HttpReply.apiError(400, ex.getMessage());
			}
		});
	}

	/** The payer's names; without any the payer is John Doe, as in the Java API. */
	private static Payer payer(JsonNode body) {
		String firstName = Wire.text(body, "first_name");
		String lastName = Wire.text(body, "last_name");
		boolean unnamed = firstName == null && lastName == null;
		return new Payer(unnamed ? "John" : firstName, Wire.text(body, "middle_name"), unnamed ? "Doe" : lastName);
	}

	private HttpReply info() {
		ObjectNode body = Wire.object()
			.put("base_url", this.simulator.baseUrl().toString())
			.put("client_id", this.simulator.clientId())
			// null rather than a secret the simulator was given: it may be the
			// application's real one.
			.put("client_secret", this.simulator.shownClientSecret())
			.put("api_key", this.simulator.shownApiKey());
		ArrayNode magic = body.putArray("magic_phone_numbers");
		magic.addObject()
			.put("phone_number", MagicPhoneNumbers.CANCELLED_BY_USER)
			.put("outcome", "Failed: " + MagicPhoneNumbers.CANCELLED_MESSAGE);
		magic.addObject()
			.put("phone_number", MagicPhoneNumbers.INSUFFICIENT_BALANCE)
			.put("outcome", "Failed: " + MagicPhoneNumbers.INSUFFICIENT_BALANCE_MESSAGE);
		magic.addObject()
			.put("phone_number", MagicPhoneNumbers.NO_CALLBACK)
			.put("outcome", "no callback, stays Pending");
		magic.addObject()
			.put("phone_number", MagicPhoneNumbers.CALLBACK_LOST)
			.put("outcome", "Success, but the callback is lost: only a GET on the location tells");
		magic.addObject()
			.put("phone_number", MagicPhoneNumbers.INVALID_INITIATOR)
			.put("outcome", "Failed: " + MagicPhoneNumbers.INVALID_INITIATOR_MESSAGE);
		ArrayNode sendMoney = body.putArray("magic_send_money_phone_numbers");
		sendMoney.addObject()
			.put("phone_number", MagicPhoneNumbers.SEND_MONEY_FAILED_DESTINATION)
			.put("outcome", "the destination's disbursement Failed: " + MagicPhoneNumbers.RECIPIENT_FAILED_MESSAGE);
		sendMoney.addObject()
			.put("phone_number", MagicPhoneNumbers.SEND_MONEY_INSUFFICIENT_BALANCE)
			.put("outcome", "the whole request Failed: " + MagicPhoneNumbers.INSUFFICIENT_BALANCE_MESSAGE);
		return HttpReply.json(200, body);
	}

	private HttpReply buygoods(RecordedRequest request) {
		ObjectNode body = Wire.parseObject(request.body());
		if (body == null) {
			return HttpReply.apiError(400, "Request body must be a JSON object");
		}
		Validation v = new Validation();
		String till = v.requiredText(body, "till_number", "Till number");
		BigDecimal amount = v.positiveAmount(body, "amount", "Amount");
		String phone = v.requiredText(body, "phone_number", "Phone number");
		if (phone != null && PhoneNumber.tryParse(phone) == null) {
			v.problem("Phone number is an invalid number");
		}
		if (!v.isValid()) {
			return v.reply();
		}
		Payer payer = payer(body);
		TillTransaction tx = this.simulator.customerPaysTill(till, amount, phone, payer.first(), payer.middle(),
				payer.last());
		return HttpReply.json(201, transaction(tx));
	}

	private HttpReply requests() {
		ArrayNode array = Wire.array();
		for (RecordedRequest recorded : this.simulator.requests()) {
			ObjectNode item = array.addObject()
				.put("method", recorded.method())
				.put("path", recorded.path())
				.put("query", recorded.query())
				.put("received_at", Wire.millis(recorded.receivedAt()));
			ObjectNode headers = item.putObject("headers");
			recorded.headers().forEach((name, values) -> headers.put(name, String.join(", ", values)));
			item.put("body", recorded.bodyText()).put("body_truncated", recorded.bodyTruncated());
		}
		return HttpReply.json(200, array);
	}

	private HttpReply deliveries() {
		ArrayNode array = Wire.array();
		for (Delivery delivery : this.simulator.deliveries()) {
			ObjectNode item = array.addObject()
				.put("kind", delivery.kind().name())
				.put("type", delivery.type())
				.put("url", delivery.url())
				.put("attempt", delivery.attempt())
				.put("status", delivery.status())
				.put("error", delivery.error())
				.put("signature", delivery.signature())
				.put("sent_at", Wire.millis(delivery.sentAt()));
			JsonNode json = Wire.parseObject(delivery.body());
			if (json != null) {
				item.set("body", json);
			}
			else {
				item.put("body", delivery.bodyText());
			}
		}
		return HttpReply.json(200, array);
	}

	private HttpReply transactions() {
		ArrayNode array = Wire.array();
		this.simulator.transactions().forEach((tx) -> array.add(transaction(tx)));
		return HttpReply.json(200, array);
	}

	/**
	 * Switches faults on, e.g. {@code {"fail_next": {"count": 2, "status": 503,
	 * "path_prefix": "/api/"}}}, {@code {"latency_ms": 200}},
	 * {@code {"drop_next_connection": true, "path_prefix": "/api/v1/payments"}},
	 * {@code {"deliver_twice": true}} or {@code {"clear": true}}. A malformed number is a
	 * 400.
	 */
	private HttpReply faults(RecordedRequest request) {
		ObjectNode body = Wire.parseObject(request.body());
		if (body == null) {
			return HttpReply.apiError(400, "Request body must be a JSON object");
		}
		SimulatorFaults faults = this.simulator.faults();
		try {
			if (body.path("clear").asBoolean(false)) {
				faults.clear();
			}
			JsonNode fail = body.get("fail_next");
			if (fail != null && fail.isObject()) {
				faults.failNext(whole(fail, "count", 1), whole(fail, "status", 500), prefix(fail));
			}
			JsonNode slow = body.get("slow_next");
			if (slow != null && slow.isObject()) {
				faults.slowNext(whole(slow, "count", 1), Duration.ofMillis(whole(slow, "delay_ms", 0)), prefix(slow));
			}
			if (body.has("latency_ms")) {
				faults.latency(Duration.ofMillis(whole(body, "latency_ms", 0)));
			}
			if (body.path("drop_next_connection").asBoolean(false)) {
				faults.dropNextConnection(prefix(body));
			}
			if (body.path("drop_next_response").asBoolean(false)) {
				faults.dropNextResponse(prefix(body));
			}
			if (body.path("deliver_twice").asBoolean(false)) {
				faults.deliverTwice();
			}
			if (body.path("deliver_out_of_order").asBoolean(false)) {
				faults.deliverOutOfOrder();
			}
			if (body.path("sign_with_wrong_key").asBoolean(false)) {
				faults.signWithWrongKey();
			}
			if (body.path("hold_deliveries").asBoolean(false)) {
				faults.holdDeliveries();
			}
			if (body.path("hold_webhooks").asBoolean(false)) {
				faults.holdWebhooks();
			}
			String release = body.path("release_deliveries").asString("");
			if (release.equals("in_order")) {
				faults.releaseDeliveries();
			}
			else if (release.equals("reversed")) {
				faults.releaseDeliveriesInReverse();
			}
		}
		catch (IllegalArgumentException ex) {
			return HttpReply.apiError(400, ex.getMessage());
		}
		return HttpReply.empty(204);
	}

	/**
	 * A whole-number setting; anything else present is a mistake worth a 400, not a
	 * silent default.
	 */
	private static int whole(JsonNode rule, String field, int absent) {
		JsonNode value = rule.get(field);
		if (value == null) {
			return absent;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			throw new IllegalArgumentException(field + " must be a whole number");
		}
		return value.intValue();
	}

	private static String prefix(JsonNode rule) {
		return rule.path("path_prefix").asString(SimulatorFaults.API_PREFIX);
	}

	private static ObjectNode transaction(TillTransaction tx) {
		return Wire.object()
			.put("id", tx.id())
			.put("reference", tx.reference())
			.put("till_number", tx.tillNumber())
			.put("amount", Wire.amountText(tx.amount()))
			.put("currency", tx.currency())
			.put("sender_phone_number", tx.senderPhoneNumber())
			.put("sender_first_name", tx.senderFirstName())
			.put("sender_middle_name", tx.senderMiddleName())
			.put("sender_last_name", tx.senderLastName())
			.put("origination_time", Wire.seconds(tx.originationTime()));
	}

	/** Who pays, as the admin endpoints are told. */
	private record Payer(@Nullable String first, @Nullable String middle, @Nullable String last) {

	}

	private static HttpReply get(String method, Supplier<HttpReply> handler) {
		return method.equals("GET") ? handler.get() : notAllowed("GET");
	}

	private static HttpReply post(String method, Supplier<HttpReply> handler) {
		return method.equals("POST") ? handler.get() : notAllowed("POST");
	}

	static HttpReply notAllowed(String allowed) {
		return HttpReply.apiError(405, "Method not allowed").withHeader("Allow", allowed);
	}

}
