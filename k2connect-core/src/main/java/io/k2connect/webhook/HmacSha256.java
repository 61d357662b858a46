package io.k2connect.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicReferenceArray;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One API key ready for HMAC-SHA256. Keeps an initialised prototype {@link Mac} and a few
 * idle clones of it: a digest takes an idle clone (or makes one, when all are in use),
 * uses it alone and puts it back, since {@code doFinal} leaves it keyed and ready again.
 * Cloning skips the provider lookup and key schedule that {@code Mac.getInstance} +
 * {@code init} cost; reusing skips the clone too (about 500 bytes of digest state copied
 * per webhook). A {@code Mac} is never used by two threads at once: taking it empties its
 * slot.
 */
final class HmacSha256 {

	static final String ALGORITHM = "HmacSHA256";

	/** Length in bytes of an HMAC-SHA256 digest. */
	static final int DIGEST_LENGTH = 32;

	/** How many idle clones are kept at most; a power of two. */
	private static final int IDLE_SLOTS = 8;

	private final SecretKeySpec key;

	private final Mac prototype;

	private final boolean cloneable;

	/**
	 * Idle clones; a slot is {@code null} while its clone is in use (or before one was
	 * made). Enough for the threads hashing at the same moment, which are rarely more
	 * than the cores; a thread that finds none idle makes its own.
	 */
	private final AtomicReferenceArray<Mac> idle = new AtomicReferenceArray<>(IDLE_SLOTS);

	HmacSha256(String apiKey) {
		// K2 keys the HMAC with the API key's UTF-8 bytes (docs/k2-webhooks.md §2).
		this.key = new SecretKeySpec(apiKey.getBytes(StandardCharsets.UTF_8), ALGORITHM);
		this.prototype = newMac(this.key);
		this.cloneable = canClone(this.prototype);
	}

	/** The HMAC-SHA256 of {@code body}. Thread-safe. */
	byte[] digest(byte[] body) {
		// Threads start at different slots, so that they rarely contend for one.
		int first = Thread.currentThread().hashCode();
		int slot = 0;
		Mac mac = null;
		for (int i = 0; i < IDLE_SLOTS && mac == null; i++) {
			slot = (first + i) & (IDLE_SLOTS - 1);
			mac = this.idle.getAndSet(slot, null);
		}
		if (mac == null) {
			mac = freshMac();
		}
		byte[] digest = mac.doFinal(body);
		// Only after a complete doFinal, which resets it: a Mac half-way through an
		// update is never put back. Overwriting a clone another thread put there loses
		// nothing but that clone. A release store is enough: the next taker's getAndSet
		// sees everything doFinal wrote, without the full fence of a volatile set.
		this.idle.setRelease(slot, mac);
		return digest;
	}

	private Mac freshMac() {
		if (this.cloneable) {
			try {
				// The prototype is never updated after construction, so cloning only
				// reads it.
				return (Mac) this.prototype.clone();
			}
			catch (CloneNotSupportedException ex) {
				// Checked once in the constructor; fall through to a new instance.
			}
		}
		return newMac(this.key);
	}

	private static boolean canClone(Mac mac) {
		try {
			mac.clone();
			return true;
		}
		catch (CloneNotSupportedException ex) {
			return false;
		}
	}

	private static Mac newMac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			// Every Java SE runtime must provide HmacSHA256, so this is a broken JRE.
			throw new IllegalStateException("HmacSHA256 is not available in this Java runtime", ex);
		}
	}

	@Override
	public String toString() {
		return "HmacSha256[key=<hidden>]";
	}

}
