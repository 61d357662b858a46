package io.k2connect.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.k2connect.internal.IdleSlots;

/**
 * One API key ready for HMAC-SHA256. Keeps an initialised prototype {@link Mac} and a few
 * idle clones of it ({@link IdleSlots}): a digest takes an idle clone (or makes one, when
 * none is idle), uses it alone and puts it back, since {@code doFinal} leaves it keyed
 * and ready again. Cloning skips the provider lookup and key schedule that
 * {@code Mac.getInstance} + {@code init} cost; reusing skips the clone too (about 500
 * bytes of digest state copied per webhook).
 */
final class HmacSha256 {

	static final String ALGORITHM = "HmacSHA256";

	/** Length in bytes of an HMAC-SHA256 digest. */
	static final int DIGEST_LENGTH = 32;

	private final SecretKeySpec key;

	private final Mac prototype;

	private final boolean cloneable;

	/** Idle clones, ready for the next digest. */
	private final IdleSlots<Mac> idle = new IdleSlots<>();

	HmacSha256(String apiKey) {
		// K2 keys the HMAC with the API key's UTF-8 bytes (docs/k2-webhooks.md §2).
		this.key = new SecretKeySpec(apiKey.getBytes(StandardCharsets.UTF_8), ALGORITHM);
		this.prototype = newMac(this.key);
		this.cloneable = canClone(this.prototype);
	}

	/** The HMAC-SHA256 of {@code body}. Thread-safe. */
	byte[] digest(byte[] body) {
		Mac mac = this.idle.take();
		if (mac == null) {
			mac = freshMac();
		}
		byte[] digest = mac.doFinal(body);
		// Only after a complete doFinal, which resets it: a Mac half-way through an
		// update is never put back.
		this.idle.put(mac);
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
