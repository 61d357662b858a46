package io.k2connect.autoconfigure.webhook;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * How listeners run: inside a transaction of the application's transaction manager when
 * it has exactly one, directly otherwise. No transaction type appears here, so that the
 * auto-configuration works without spring-tx on the class path.
 */
final class ListenerTransactions {

	static final ListenerTransactions NONE = new ListenerTransactions(null);

	private final @Nullable Consumer<Runnable> runner;

	ListenerTransactions(@Nullable Consumer<Runnable> runner) {
		this.runner = runner;
	}

	void run(Runnable work) {
		Consumer<Runnable> runner = this.runner;
		if (runner != null) {
			runner.accept(work);
		}
		else {
			work.run();
		}
	}

	boolean transactional() {
		return this.runner != null;
	}

}
