package io.k2connect.modulith.orders;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.k2connect.event.BuygoodsTransactionReceived;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The orders module: records each till payment K2 reports. */
@Component
public class PaymentRecorder {

	private final List<String> payments = new CopyOnWriteArrayList<>();

	private final List<String> threads = new CopyOnWriteArrayList<>();

	@ApplicationModuleListener
	void on(BuygoodsTransactionReceived payment) {
		this.threads.add(Thread.currentThread().getName());
		this.payments.add(payment.id());
	}

	// Methods, not fields: the bean is a proxy (the listener is asynchronous and
	// transactional).
	public List<String> payments() {
		return List.copyOf(this.payments);
	}

	public List<String> threads() {
		return List.copyOf(this.threads);
	}

}
