package io.k2connect.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What makes one K2 delivery unique, so that a receiver can recognise a repeat of the
 * same webhook or callback (however K2 formats it the second time) and process it once.
 *
 * <ul>
 * <li>A till payment ({@code buygoods_transaction_received}) is identified by its
 * transaction, {@code event.resource.id}: K2 names the same transaction so in a polling
 * result ({@link PollingTransaction#toBuygoodsTransactionReceived()}), and a webhook and
 * the polling result that replays it are one delivery. Without a resource id, by its
 * event id.</li>
 * <li>Any other webhook event is identified by its {@code id}.</li>
 * <li>A result is identified by {@code data.type} and {@code data.id} together with
 * <em>every</em> state it reports, nested ones included: the same request reports
 * {@code Pending} and then {@code Success}, a payment link stays {@code Processed} while
 * its {@code payment_link.status} goes from {@code Active} to {@code Paid}, and each
 * send-money destination and transfer batch has a status of its own. Two results for one
 * request that differ in any of these are two deliveries.</li>
 * <li>A Daraja-style event is identified by its M-PESA receipt ({@code TransID}).</li>
 * <li>Anything else, and anything whose id is missing or blank, has no key of its own:
 * only a byte-for-byte repeat of the body is recognised (by its SHA-256). Publishing a
 * delivery twice is better than losing one, so two different bodies are never taken for
 * one another.</li>
 * </ul>
 * Keys are at most {@value #MAX_LENGTH} characters long (a longer one is replaced by its
 * digest), so that they fit a database column.
 */
public final class DeliveryKeys {

	/** The longest key {@link #of} returns. */
	public static final int MAX_LENGTH = 255;

	private DeliveryKeys() {
	}

	/**
	 * The key of a delivery.
	 * @param payload the parsed body
	 * @param body the raw body bytes, for payloads without an id of their own
	 * @return the key; never {@code null}
	 */
	public static String of(K2Payload payload, byte[] body) {
		Objects.requireNonNull(body, "body must not be null");
		String key = ofContent(payload);
		return (key != null) ? key : "sha256:" + sha256(body);
	}

	/**
	 * The key that a payload's content gives it, without looking at its bytes: the same
	 * for a callback and for the status document of the same request in the same state.
	 * @param payload the parsed payload
	 * @return the key, or {@code null} when the payload carries no reliable identity (no
	 * id, a blank one, or a type this version does not know the states of)
	 */
	public static @Nullable String ofContent(K2Payload payload) {
		Objects.requireNonNull(payload, "payload must not be null");
		if (payload instanceof BuygoodsTransactionReceived payment && hasText(payment.resourceId())) {
			return bounded("buygoods:" + payment.resourceId());
		}
		if (payload instanceof K2Event event) {
			return hasText(event.id()) ? bounded("event:" + event.id()) : null;
		}
		if (payload instanceof K2Result result) {
			return hasText(result.id()) ? bounded(resultKey(result)) : null;
		}
		if (payload instanceof DarajaEvent daraja) {
			return hasText(daraja.transactionId()) ? bounded("daraja:" + daraja.transactionId()) : null;
		}
		// An event of a topic this version does not model still has its event id; an
		// unknown result type is not keyed, because which of its fields are states is
		// unknown.
		if (payload instanceof UnknownPayload unknown && unknown.topic() != null && hasText(unknown.id())) {
			return bounded("event:" + unknown.id());
		}
		return null;
	}

	private static String resultKey(K2Result result) {
		StringBuilder key = new StringBuilder("result:").append(result.type()).append(':').append(result.id());
		state(key, "status", result.status());
		if (result instanceof IncomingPaymentResult r && r.resource() != null) {
			state(key, "resource.status", r.resource().status());
		}
		else if (result instanceof PaymentResult r) {
			batches(key, r.transferBatches());
		}
		else if (result instanceof SettlementTransferResult r) {
			batches(key, r.transferBatches());
		}
		else if (result instanceof SendMoneyResult r) {
			batches(key, r.transferBatches());
			List<Map<String, @Nullable Object>> destinations = r.destinations();
			if (destinations != null) {
				for (int i = 0; i < destinations.size(); i++) {
					Object status = destinations.get(i).get("status");
					state(key, "destinations." + i + ".status", (status != null) ? status.toString() : null);
				}
			}
		}
		else if (result instanceof ReversalResult r && r.reversalBulkPayment() != null) {
			state(key, "reversal_bulk_payment.status", r.reversalBulkPayment().status());
		}
		else if (result instanceof PaymentLinkResult r && r.paymentLink() != null) {
			PaymentLinkDetails link = r.paymentLink();
			state(key, "payment_link.status", link.status());
			state(key, "payment_link.payment_link_status", link.paymentLinkStatus());
			state(key, "payment_link.transaction_reference", link.transactionReference());
		}
		else if (result instanceof PollingResult r && r.transactions() != null) {
			state(key, "transactions", Integer.toString(r.transactions().size()));
		}
		return key.toString();
	}

	private static void batches(StringBuilder key, @Nullable List<TransferBatch> batches) {
		if (batches == null) {
			return;
		}
		for (int i = 0; i < batches.size(); i++) {
			TransferBatch batch = batches.get(i);
			state(key, "transfer_batches." + i + ".status", batch.status());
			List<Disbursement> disbursements = batch.disbursements();
			if (disbursements != null) {
				for (int j = 0; j < disbursements.size(); j++) {
					Disbursement disbursement = disbursements.get(j);
					String prefix = "transfer_batches." + i + ".disbursements." + j;
					state(key, prefix + ".status", disbursement.status());
					state(key, prefix + ".transaction_reference", disbursement.transactionReference());
				}
			}
		}
	}

	/** Appends one state; absent ones are left out, so that keys stay short. */
	private static void state(StringBuilder key, String name, @Nullable String value) {
		if (value != null) {
			// Quoted, so that no value can make two different lists of states read the
			// same.
			key.append(';')
				.append(name)
				.append("=\"")
				.append(value.replace("\\", "\\\\").replace("\"", "\\\""))
				.append('"');
		}
	}

	private static String bounded(String key) {
		// A distinct prefix keeps these apart from the digests of bodies.
		return (key.length() <= MAX_LENGTH) ? key : "key-sha256:" + sha256(key.getBytes(StandardCharsets.UTF_8));
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JVM", ex);
		}
	}

}
