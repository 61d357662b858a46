package io.k2connect.simulator;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names the simulator's threads and makes them daemons, so a forgotten simulator never
 * keeps a JVM alive.
 */
final class DaemonThreads implements ThreadFactory {

	private final String prefix;

	private final AtomicInteger count = new AtomicInteger();

	DaemonThreads(String prefix) {
		this.prefix = prefix;
	}

	@Override
	public Thread newThread(Runnable task) {
		Thread thread = new Thread(task, this.prefix + "-" + this.count.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	}

}
