package io.k2connect.simulator;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * One first-in-first-out queue of tasks per receiver (scheme, host and port), all run on
 * one shared pool: deliveries to the same application keep their order (a result before
 * the webhook it caused), while a slow or hung receiver holds up only its own queue.
 */
final class SerialQueues {

	private final ExecutorService pool;

	private final Map<String, Queue> queues = new ConcurrentHashMap<>();

	SerialQueues(ExecutorService pool) {
		this.pool = pool;
	}

	/**
	 * Runs the task after every earlier task for the same receiver.
	 * @throws RejectedExecutionException once the pool is shut down
	 */
	void execute(String url, Runnable task) {
		this.queues.computeIfAbsent(receiver(url), (key) -> new Queue()).add(task);
	}

	void shutdownNow() {
		this.pool.shutdownNow();
	}

	private static String receiver(String url) {
		try {
			URI uri = URI.create(url);
			return uri.getScheme() + "://" + uri.getRawAuthority();
		}
		catch (IllegalArgumentException ex) {
			return url;
		}
	}

	/** The tasks of one receiver; at most one of them is on the pool at any time. */
	private final class Queue {

		private final Deque<Runnable> tasks = new ArrayDeque<>();

		private boolean running;

		synchronized void add(Runnable task) {
			if (SerialQueues.this.pool.isShutdown()) {
				throw new RejectedExecutionException("closed");
			}
			this.tasks.addLast(task);
			if (!this.running) {
				this.running = true;
				SerialQueues.this.pool.execute(this::drain);
			}
		}

		private void drain() {
			Runnable next;
			synchronized (this) {
				next = this.tasks.pollFirst();
				if (next == null) {
					this.running = false;
					return;
				}
			}
			try {
				next.run();
			}
			catch (RuntimeException ex) {
				// One failed delivery must not stop the ones queued behind it.
			}
			finally {
				// Even after an Error, the rest of the queue goes on (one task per pool
				// turn).
				try {
					SerialQueues.this.pool.execute(this::drain);
				}
				catch (RejectedExecutionException closed) {
					synchronized (this) {
						this.running = false;
					}
				}
			}
		}

	}

}
