package io.k2connect.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One attempt of the simulator to POST a signed body to the application: an asynchronous
 * result to a request's {@code _links.callback_url}, or a webhook event to a
 * subscription's URL. A body delivered twice (see {@link SimulatorFaults#deliverTwice()})
 * or delivered again after a failure gives one {@code Delivery} per attempt.
 *
 * @param kind whether this is a result or a webhook event
 * @param type the result's {@code data.type} (e.g. {@code incoming_payment}) or the
 * event's {@code topic} (e.g. {@code buygoods_transaction_received})
 * @param url where the body was posted
 * @param body the exact bytes posted
 * @param signature the {@code X-KopoKopo-Signature} sent with them
 * @param attempt 1 for the first attempt, 2 for the next after a failure, and so on
 * @param status the HTTP status the application answered, or 0 when there was no answer
 * @param error why there was no answer (connection refused, timeout...), or {@code null}
 * @param sentAt when the attempt was made, by the simulator's clock
 */
public record Delivery(Kind kind, String type, String url, byte[] body, String signature, int attempt, int status,
		@Nullable String error, Instant sentAt) {

	/** Checks the required parts. */
	public Delivery {
		Objects.requireNonNull(kind, "kind must not be null");
		Objects.requireNonNull(type, "type must not be null");
		Objects.requireNonNull(url, "url must not be null");
		Objects.requireNonNull(body, "body must not be null");
		Objects.requireNonNull(signature, "signature must not be null");
		Objects.requireNonNull(sentAt, "sentAt must not be null");
	}

	/** Whether the application answered with a 2xx status. */
	public boolean isSuccess() {
		return this.status >= 200 && this.status < 300;
	}

	/** The body as UTF-8 text. */
	public String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "Delivery[" + this.kind + " " + this.type + " to " + this.url + ", attempt " + this.attempt + ", "
				+ ((this.error != null) ? this.error : "status " + this.status) + "]";
	}

	/** What was delivered. */
	public enum Kind {

		/** An asynchronous result ({@code {"data": ...}}) posted to a callback URL. */
		RESULT,

		/**
		 * A webhook event ({@code {"topic": ...}} or Daraja format) posted to a
		 * subscription URL.
		 */
		WEBHOOK

	}

}
