package io.k2connect.samples;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Tells open pages (server-sent events) that the ledger changed, so they reload it. */
@Component
class LiveUpdates {

	private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

	SseEmitter subscribe() {
		SseEmitter emitter = new SseEmitter(0L);
		this.emitters.add(emitter);
		emitter.onCompletion(() -> this.emitters.remove(emitter));
		emitter.onTimeout(() -> this.emitters.remove(emitter));
		emitter.onError((ex) -> this.emitters.remove(emitter));
		return emitter;
	}

	/** Ends every open stream, so that a shutdown does not wait for them to time out. */
	@EventListener(ContextClosedEvent.class)
	void close() {
		this.emitters.forEach(SseEmitter::complete);
		this.emitters.clear();
	}

	void changed() {
		for (SseEmitter emitter : this.emitters) {
			try {
				emitter.send(SseEmitter.event().name("changed").data("changed"));
			}
			catch (IOException | IllegalStateException ex) {
				this.emitters.remove(emitter);
			}
		}
	}

}
