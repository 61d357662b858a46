package io.k2connect.simulator;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * One resource a create call made. Its status document is replaced, never changed in
 * place, so a reader always sees a whole document: the initial one, then the final one.
 */
final class StoredResource {

	private final String id;

	private final Collection collection;

	private final String location;

	private final ObjectNode request;

	private volatile ObjectNode document;

	StoredResource(String id, Collection collection, String location, ObjectNode request, ObjectNode document) {
		this.id = id;
		this.collection = collection;
		this.location = location;
		this.request = request;
		this.document = document;
	}

	String id() {
		return this.id;
	}

	Collection collection() {
		return this.collection;
	}

	String location() {
		return this.location;
	}

	/** The create request's body as it arrived; never changed. */
	ObjectNode request() {
		return this.request;
	}

	ObjectNode document() {
		return this.document;
	}

	void replaceDocument(ObjectNode document) {
		this.document = Objects.requireNonNull(document);
	}

	/** {@code data.attributes} of the current document. */
	ObjectNode attributes() {
		return (ObjectNode) this.document.get("data").get("attributes");
	}

	@Nullable String callbackUrl() {
		return Wire.text(Wire.object(this.request, "_links"), "callback_url");
	}

}
