package io.k2connect.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdleSlotsTests {

	@Test
	void nothingIsIdleAtFirst() {
		assertThat(new IdleSlots<Object>().take()).isNull();
	}

	@Test
	void aThreadGetsBackWhatItPutAndTakingEmptiesTheSlot() {
		IdleSlots<Object> slots = new IdleSlots<>();
		Object idle = new Object();
		slots.put(idle);
		assertThat(slots.take()).isSameAs(idle);
		assertThat(slots.take()).isNull();
	}

	@Test
	void anObjectPutByOneThreadCanBeTakenByAnother() throws Exception {
		IdleSlots<Object> slots = new IdleSlots<>();
		Object idle = new Object();
		Thread putter = new Thread(() -> slots.put(idle));
		putter.start();
		putter.join(TimeUnit.SECONDS.toMillis(10));
		assertThat(putter.isAlive()).isFalse();
		// Whether or not the two threads' home slots are the same one: a take looks
		// in every slot.
		assertThat(slots.take()).isSameAs(idle);
	}

	@Test
	void aTakeFindsObjectsPutByThreadsWhoseHomeSlotsDiffer() throws Exception {
		IdleSlots<Object> slots = new IdleSlots<>();
		java.util.Set<Object> put = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		// Thread hash codes are arbitrary, so start threads until two of them have
		// different home slots from this one's and from each other's (8 slots).
		List<Integer> homes = new ArrayList<>(List.of(Thread.currentThread().hashCode() & 7));
		while (put.size() < 2) {
			Object idle = new Object();
			Thread putter = new Thread(() -> {
				int home = Thread.currentThread().hashCode() & 7;
				synchronized (homes) {
					if (!homes.contains(home)) {
						homes.add(home);
						slots.put(idle);
						put.add(idle);
					}
				}
			});
			putter.start();
			putter.join(TimeUnit.SECONDS.toMillis(10));
		}
		java.util.Set<Object> taken = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		taken.add(slots.take());
		taken.add(slots.take());
		assertThat(taken).isEqualTo(put);
		assertThat(slots.take()).isNull();
	}

	@Test
	void noObjectIsEverHeldByTwoThreadsAtOnce() throws Exception {
		IdleSlots<Resource> slots = new IdleSlots<>();
		AtomicInteger created = new AtomicInteger();
		AtomicInteger overlaps = new AtomicInteger();
		int threads = 16;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				workers.add(pool.submit(() -> {
					start.await();
					for (int i = 0; i < 20_000; i++) {
						Resource resource = slots.take();
						if (resource == null) {
							resource = new Resource();
							created.incrementAndGet();
						}
						if (!resource.inUse.compareAndSet(false, true)) {
							overlaps.incrementAndGet();
						}
						Thread.onSpinWait();
						resource.inUse.set(false);
						slots.put(resource);
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> worker : workers) {
				worker.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(overlaps).hasValue(0);
		// Reuse, not a new object per use (16 threads x 20,000 uses).
		assertThat(created.get()).isLessThan(threads * 20_000 / 10);
	}

	private static final class Resource {

		final AtomicBoolean inUse = new AtomicBoolean();

	}

}
