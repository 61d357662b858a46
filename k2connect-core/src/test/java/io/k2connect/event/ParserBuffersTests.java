package io.k2connect.event;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.core.util.BufferRecycler;

import static org.assertj.core.api.Assertions.assertThat;

class ParserBuffersTests {

	@Test
	void buffersReleasedToThePoolAreReusedByTheNextParse() {
		ParserBuffers pool = new ParserBuffers();
		BufferRecycler first = pool.acquireAndLinkPooled();
		assertThat(first.isLinkedWithPool()).isTrue();
		first.releaseToPool();
		assertThat(first.isLinkedWithPool()).isFalse();
		assertThat(pool.acquireAndLinkPooled()).isSameAs(first);
		// Taken: the next acquire while it is in use gets new buffers.
		assertThat(pool.acquireAndLinkPooled()).isNotSameAs(first);
	}

	@Test
	void thePayloadParserKeepsItsBuffersInThisPool() {
		assertThat(K2PayloadParser.JSON._getRecyclerPool()).isInstanceOf(ParserBuffers.class);
	}

	@Test
	void aDeserialisedPoolWorksAndStartsEmpty() throws Exception {
		ParserBuffers pool = new ParserBuffers();
		BufferRecycler released = pool.acquireAndLinkPooled();
		released.releaseToPool();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(pool);
		}
		ParserBuffers copy;
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			copy = (ParserBuffers) in.readObject();
		}
		BufferRecycler buffers = copy.acquireAndLinkPooled();
		// Starts empty: new buffers, not the ones idle in the original when it was
		// written.
		assertThat(buffers).isNotNull().isNotSameAs(released);
		buffers.releaseToPool();
		assertThat(copy.acquireAndLinkPooled()).isSameAs(buffers);
	}

}
