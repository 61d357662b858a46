package io.k2connect.autoconfigure.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.k2connect.event.BuygoodsTransactionReceived;
import io.k2connect.event.IncomingPaymentResult;
import io.k2connect.event.K2Event;
import io.k2connect.event.K2Payload;

import org.springframework.context.event.EventListener;

/** Records what the webhook endpoint publishes, through listeners of several types. */
public class RecordingListener {

	public final List<K2Payload> payloads = new CopyOnWriteArrayList<>();

	public final List<K2Event> events = new CopyOnWriteArrayList<>();

	public final List<BuygoodsTransactionReceived> buygoods = new CopyOnWriteArrayList<>();

	public final List<IncomingPaymentResult> incomingPayments = new CopyOnWriteArrayList<>();

	/** How many of the next payloads make the listener throw. */
	public final AtomicInteger failNext = new AtomicInteger();

	/** How many of the next payloads make the listener throw an {@link Error}. */
	public final AtomicInteger errorNext = new AtomicInteger();

	@EventListener
	void on(K2Payload payload) {
		if (this.failNext.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
			throw new IllegalStateException("listener failure for the test");
		}
		if (this.errorNext.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
			throw new AssertionError("listener error for the test");
		}
		this.payloads.add(payload);
	}

	@EventListener
	void on(K2Event event) {
		this.events.add(event);
	}

	@EventListener
	void on(BuygoodsTransactionReceived event) {
		this.buygoods.add(event);
	}

	@EventListener
	void on(IncomingPaymentResult result) {
		this.incomingPayments.add(result);
	}

	public void clear() {
		this.payloads.clear();
		this.events.clear();
		this.buygoods.clear();
		this.incomingPayments.clear();
		this.failNext.set(0);
		this.errorNext.set(0);
	}

	public List<K2Payload> payloads() {
		return List.copyOf(this.payloads);
	}

}
