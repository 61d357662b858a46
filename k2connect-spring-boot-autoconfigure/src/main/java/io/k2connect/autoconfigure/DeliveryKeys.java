package io.k2connect.autoconfigure;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.k2connect.event.DarajaEvent;
import io.k2connect.event.K2Event;
import io.k2connect.event.K2Payload;
import io.k2connect.event.K2Result;
import io.k2connect.event.UnknownPayload;

/**
 * Derives the key that identifies one delivery, so that a repeat of the same delivery is
 * recognised however K2 formats it the second time.
 */
final class DeliveryKeys {

	private DeliveryKeys() {
	}

	static String of(K2Payload payload, byte[] body) {
		if (payload instanceof K2Event event && event.id() != null) {
			return "event:" + event.id();
		}
		// One resource reports several statuses over time (Pending, then Success): each is news.
		if (payload instanceof K2Result result && result.id() != null) {
			return "result:" + result.type() + ":" + result.id() + ":" + result.status();
		}
		if (payload instanceof DarajaEvent daraja && daraja.transactionId() != null
				&& !daraja.transactionId().isBlank()) {
			return "daraja:" + daraja.transactionId();
		}
		// An event of a topic this version does not model still has its event id; an unknown
		// result type is left to the digest, because its status (part of its identity) is unknown.
		if (payload instanceof UnknownPayload unknown && unknown.topic() != null && unknown.id() != null) {
			return "event:" + unknown.id();
		}
		return "sha256:" + sha256(body);
	}

	private static String sha256(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JVM", ex);
		}
	}

}
