package io.k2connect.event;

import io.k2connect.internal.IdleSlots;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.core.util.RecyclerPool;

/**
 * Where the payload parser's Jackson buffers wait between parses: in {@link IdleSlots}
 * rather than Jackson's default pool, a concurrent deque that allocates a node per
 * release, costs several compare-and-sets per parse and hands out the buffers used
 * longest ago, hence coldest in cache. Under HTTP load that pool was about a tenth of the
 * parse's samples in a profile of the webhook endpoint. At most eight sets of buffers are
 * kept idle (the deque keeps as many as were ever in use at once); a parse that finds
 * none idle makes its own.
 */
final class ParserBuffers implements RecyclerPool<BufferRecycler> {

	private static final long serialVersionUID = 1L;

	/** Not serialised: a pool of buffers is worth nothing in another JVM. */
	private final transient IdleSlots<BufferRecycler> idle = new IdleSlots<>();

	@Override
	public BufferRecycler acquirePooled() {
		BufferRecycler buffers = this.idle.take();
		return (buffers != null) ? buffers : new BufferRecycler();
	}

	@Override
	public void releasePooled(BufferRecycler buffers) {
		this.idle.put(buffers);
	}

	/** A deserialised pool starts empty, like a new one. */
	private Object readResolve() {
		return new ParserBuffers();
	}

}
