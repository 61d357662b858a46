package io.k2connect;

import java.net.URI;
import java.util.Objects;

/**
 * Where K2 keeps a resource that a create call made: the absolute URL of its
 * {@code Location} header, and the id that ends it. Pass it to the matching status call,
 * or store {@link #location()} and rebuild it with {@link #of(URI)}.
 *
 * @param location the absolute resource URL, e.g.
 * {@code https://sandbox.kopokopo.com/api/v1/incoming_payments/247b1bd8-...}
 * @param id the resource id, the URL's last path segment
 */
public record ResourceLocation(URI location, String id) {

	public ResourceLocation {
		Objects.requireNonNull(location, "location must not be null");
		Objects.requireNonNull(id, "id must not be null");
		if (!location.isAbsolute()) {
			throw new K2ValidationException("location", "must be an absolute URL");
		}
		if (id.isBlank()) {
			throw new K2ValidationException("id", "must not be blank");
		}
	}

	/**
	 * A location from its URL; the id is the last non-empty path segment.
	 * @param location the absolute resource URL
	 * @return the location
	 * @throws K2ValidationException when the URL is not absolute or has no path segment
	 */
	public static ResourceLocation of(URI location) {
		Objects.requireNonNull(location, "location must not be null");
		String path = (location.getPath() != null) ? location.getPath() : "";
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		int slash = path.lastIndexOf('/');
		String id = path.substring(slash + 1);
		if (id.isEmpty()) {
			throw new K2ValidationException("location", "must end with the resource id");
		}
		return new ResourceLocation(location, id);
	}

	/**
	 * A location from its URL text.
	 * @param location the absolute resource URL
	 * @return the location
	 * @throws K2ValidationException when the text is not an absolute URL ending with an
	 * id
	 */
	public static ResourceLocation of(String location) {
		Objects.requireNonNull(location, "location must not be null");
		try {
			return of(new URI(location.strip()));
		}
		catch (java.net.URISyntaxException ex) {
			throw new K2ValidationException("location", "must be a valid URL");
		}
	}

}
