package io.k2connect.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The credentials of one client (client secret, API key, the bearer token of a request),
 * and the means to keep them out of the exceptions it throws.
 *
 * <p>
 * The SDK's own messages never quote a credential, but what it passes on may: the JDK
 * refuses a header it cannot send with {@code invalid header value: "Bearer <token>\n"},
 * an application's interceptor may say anything, and K2 may echo what it was sent. So
 * text from elsewhere goes through {@link #redact}, and every cause through
 * {@link #scrub}.
 *
 * <p>
 * Each credential is also looked for in the pieces it falls into at characters that are
 * not visible ASCII, since a message may show a value with a line break escaped or cut at
 * it. Values shorter than {@value #MIN_LENGTH} characters are not looked for: no real
 * credential is that short, and masking every {@code t} of a message would leave nothing
 * to read.
 */
final class Secrets {

	static final int MIN_LENGTH = 8;

	private static final String MASK = "****";

	private final List<String> credentials;

	/**
	 * What to look for: every credential and its pieces, longest first so a piece never
	 * splits a whole.
	 */
	private final List<String> values;

	Secrets(Collection<String> credentials) {
		this.credentials = List.copyOf(credentials);
		Set<String> values = new LinkedHashSet<>();
		for (String credential : this.credentials) {
			values.add(credential);
			Collections.addAll(values, credential.split("[^\\x21-\\x7E]+"));
		}
		values.removeIf((value) -> value.length() < MIN_LENGTH);
		List<String> sorted = new ArrayList<>(values);
		sorted.sort(Comparator.comparingInt(String::length).reversed());
		this.values = List.copyOf(sorted);
	}

	/**
	 * These credentials and one more, e.g. the bearer token of the request that failed.
	 */
	Secrets and(@Nullable String credential) {
		if (credential == null) {
			return this;
		}
		List<String> more = new ArrayList<>(this.credentials);
		more.add(credential);
		return new Secrets(more);
	}

	/** The text with every credential replaced by {@code ****}. */
	String redact(String text) {
		String redacted = text;
		for (String value : this.values) {
			redacted = redacted.replace(value, MASK);
		}
		return redacted;
	}

	/**
	 * Whether the exception, its causes or its suppressed exceptions show a credential
	 * anywhere.
	 */
	boolean shownBy(Throwable ex) {
		return shownBy(ex, Collections.newSetFromMap(new IdentityHashMap<>()));
	}

	/**
	 * The exception itself when it shows no credential (see {@link #shownBy}); otherwise
	 * a stand-in for it, and for each cause and suppressed exception that shows one,
	 * which keeps the original's class name and stack trace, and its message only where
	 * that is clean.
	 */
	Throwable scrub(Throwable ex) {
		return standIn(ex, new IdentityHashMap<>());
	}

	private Throwable standIn(Throwable ex, Map<Throwable, Throwable> done) {
		Throwable known = done.get(ex);
		if (known != null) {
			return known;
		}
		if (!shownBy(ex)) {
			return ex;
		}
		Redacted standIn = new Redacted(ex.getClass().getName(), showsItself(ex) ? null : ex.getMessage());
		standIn.setStackTrace(ex.getStackTrace());
		// Registered before the causes are visited, so a cycle among them ends here.
		done.put(ex, standIn);
		if (ex.getCause() != null) {
			standIn.initCause(standIn(ex.getCause(), done));
		}
		for (Throwable suppressed : ex.getSuppressed()) {
			standIn.addSuppressed(standIn(suppressed, done));
		}
		return standIn;
	}

	private boolean shownBy(Throwable ex, Set<Throwable> seen) {
		if (!seen.add(ex)) {
			return false;
		}
		if (showsItself(ex) || (ex.getCause() != null && shownBy(ex.getCause(), seen))) {
			return true;
		}
		for (Throwable suppressed : ex.getSuppressed()) {
			if (shownBy(suppressed, seen)) {
				return true;
			}
		}
		return false;
	}

	private boolean showsItself(Throwable ex) {
		return appearsIn(ex.getMessage()) || appearsIn(ex.getLocalizedMessage()) || appearsIn(ex.toString());
	}

	private boolean appearsIn(@Nullable String text) {
		if (text == null) {
			return false;
		}
		for (String value : this.values) {
			if (text.contains(value)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Stands in for an exception that showed a credential: its class name and stack
	 * trace, and its message only if that was clean.
	 */
	private static final class Redacted extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final String className;

		Redacted(String className, @Nullable String message) {
			super(message);
			this.className = className;
		}

		@Override
		public String toString() {
			String message = getLocalizedMessage();
			return this.className + ((message != null) ? ": " + message : " (message removed: it showed a credential)");
		}

	}

}
