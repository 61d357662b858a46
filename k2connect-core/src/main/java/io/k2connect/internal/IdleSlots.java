package io.k2connect.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;

import org.jspecify.annotations.Nullable;

/**
 * A few idle objects of one kind, kept for reuse by whichever threads need one next:
 * {@link #take} empties a slot, {@link #put} fills the calling thread's own. Each thread
 * starts looking at a slot of its own, so that threads rarely meet on one and a thread
 * tends to get back the object it last used, still in its core's cache. Lock-free and
 * allocation-free, unlike a concurrent queue (a node per put, and several
 * compare-and-sets per operation that two cores fight over under load).
 *
 * <p>
 * An object is never shared: taking it empties its slot, so only the taker holds it. One
 * put over another drops the one that was there, which is only garbage; a take that finds
 * every slot empty gives {@code null}, and the caller makes a new object.
 *
 * @param <T> the kind of object kept
 */
public final class IdleSlots<T> {

	/** How many idle objects are kept at most; a power of two. */
	private static final int SLOTS = 8;

	private final AtomicReferenceArray<@Nullable T> slots = new AtomicReferenceArray<>(SLOTS);

	/**
	 * Takes an idle object, looking first in the calling thread's own slot.
	 * @return the object, now the caller's alone, or {@code null} if none is idle
	 */
	public @Nullable T take() {
		int home = home();
		for (int i = 0; i < SLOTS; i++) {
			int slot = (home + i) & (SLOTS - 1);
			// Look before exchanging: an empty slot costs a read, not an atomic write.
			if (this.slots.getAcquire(slot) != null) {
				T idle = this.slots.getAndSet(slot, null);
				if (idle != null) {
					return idle;
				}
			}
		}
		return null;
	}

	/**
	 * Puts an object the caller no longer uses into the calling thread's own slot.
	 * @param idle the object; the caller must not touch it afterwards
	 */
	public void put(T idle) {
		// A release store is enough: the next taker's exchange sees everything written to
		// the object before, without the full fence of a volatile set.
		this.slots.setRelease(home(), idle);
	}

	private static int home() {
		return Thread.currentThread().hashCode() & (SLOTS - 1);
	}

	@Override
	public String toString() {
		return "IdleSlots[" + SLOTS + "]";
	}

}
