package io.k2connect.autoconfigure.webhook.jdbc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Gathers the items that threads submit at the same time into one batch, so that one
 * statement writes what would otherwise take one statement (and one commit) each. No
 * timer: a thread that finds no batch being written writes its own at once, together with
 * whatever arrived meanwhile; threads that arrive while a batch is being written wait for
 * the next one. So a lone request waits for nothing, and under load the batches grow by
 * themselves, up to {@code maxBatch}.
 *
 * @param <T> the item
 */
final class Gatherer<T> {

	private final int maxBatch;

	private final Function<List<T>, List<Boolean>> writer;

	private final Object lock = new Object();

	private final ArrayDeque<Entry<T>> waiting = new ArrayDeque<>();

	private boolean writing;

	/**
	 * @param maxBatch the most items in one batch
	 * @param writer writes a batch and tells, for each item in order, whether it was
	 * written
	 */
	Gatherer(int maxBatch, Function<List<T>, List<Boolean>> writer) {
		this.maxBatch = maxBatch;
		this.writer = writer;
	}

	/**
	 * Writes the item, alone or with others.
	 * @param item the item
	 * @return what the writer said of it
	 * @throws RuntimeException what the writer threw for its batch
	 */
	boolean submit(T item) {
		Entry<T> mine = new Entry<>(item);
		List<Entry<T>> batch = new ArrayList<>();
		synchronized (this.lock) {
			this.waiting.add(mine);
			while (this.writing && !mine.done) {
				try {
					this.lock.wait();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					if (!mine.done && this.waiting.remove(mine)) {
						throw new IllegalStateException("Interrupted before the delivery was stored", ex);
					}
				}
			}
			if (mine.done) {
				return mine.result();
			}
			this.writing = true;
			// Its own item first: the writer always learns its own outcome.
			this.waiting.remove(mine);
			batch.add(mine);
			while (batch.size() < this.maxBatch && !this.waiting.isEmpty()) {
				batch.add(this.waiting.poll());
			}
		}
		List<Boolean> results = null;
		RuntimeException failure = null;
		try {
			List<T> items = new ArrayList<>(batch.size());
			batch.forEach((entry) -> items.add(entry.item));
			results = this.writer.apply(items);
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		finally {
			synchronized (this.lock) {
				for (int i = 0; i < batch.size(); i++) {
					Entry<T> entry = batch.get(i);
					entry.failure = (failure != null) ? failure
							: (results == null) ? new IllegalStateException("The batch was not written") : null;
					entry.written = results != null && results.get(i);
					entry.done = true;
				}
				this.writing = false;
				this.lock.notifyAll();
			}
		}
		return mine.result();
	}

	private static final class Entry<T> {

		final T item;

		boolean done;

		boolean written;

		@Nullable RuntimeException failure;

		Entry(T item) {
			this.item = item;
		}

		boolean result() {
			if (this.failure != null) {
				throw this.failure;
			}
			return this.written;
		}

	}

}
