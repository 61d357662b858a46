package io.k2connect.samples;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What the shop knows: the payments it asked for and everything K2 told it. In memory,
 * for the demo; a real shop keeps this in its database.
 */
@Component
class Ledger {

	private static final int MAX_EVENTS = 200;

	private final LiveUpdates liveUpdates;

	private final Map<String, Payment> payments = Collections.synchronizedMap(new LinkedHashMap<>());

	private final List<ReceivedEvent> events = Collections.synchronizedList(new ArrayList<>());

	Ledger(LiveUpdates liveUpdates) {
		this.liveUpdates = liveUpdates;
	}

	void paymentRequested(String id, String phone, BigDecimal amount) {
		// The callback can arrive before this runs: then its outcome is kept, and the
		// request's own details are filled in.
		this.payments.merge(id, new Payment(id, phone, amount, "Pending", null, null, Instant.now(), false),
				(settled, requested) -> new Payment(id, phone, amount, settled.status(), settled.mpesaReference(),
						settled.error(), requested.requestedAt(), settled.recovered()));
		this.liveUpdates.changed();
	}

	void paymentSettled(String id, String status, @Nullable String reference, @Nullable String error,
			boolean recovered) {
		this.payments.merge(id, new Payment(id, null, null, status, reference, error, Instant.now(), recovered),
				(requested, settled) -> new Payment(id, requested.phone(), requested.amount(), status, reference, error,
						requested.requestedAt(), recovered));
		this.liveUpdates.changed();
	}

	void received(String kind, String summary) {
		synchronized (this.events) {
			this.events.add(0, new ReceivedEvent(kind, summary, Instant.now()));
			if (this.events.size() > MAX_EVENTS) {
				this.events.remove(this.events.size() - 1);
			}
		}
		this.liveUpdates.changed();
	}

	@Nullable Payment payment(String id) {
		return this.payments.get(id);
	}

	List<Payment> payments() {
		synchronized (this.payments) {
			List<Payment> newestFirst = new ArrayList<>(this.payments.values());
			Collections.reverse(newestFirst);
			return newestFirst;
		}
	}

	List<ReceivedEvent> events() {
		synchronized (this.events) {
			return List.copyOf(this.events);
		}
	}

	/**
	 * A payment the shop asked a customer for; {@code recovered} when its result was
	 * fetched because the callback was lost.
	 */
	record Payment(String id, @Nullable String phone, @Nullable BigDecimal amount, String status,
			@Nullable String mpesaReference, @Nullable String error, Instant requestedAt, boolean recovered) {
	}

	/** Something K2 told the shop. */
	record ReceivedEvent(String kind, String summary, Instant receivedAt) {
	}

}
