package io.k2connect.simulator;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * Everything the simulator remembers between requests. Collections are concurrent; the
 * merchant's balance changes under this object's monitor.
 *
 * <p>
 * The epoch grows with every reset: scheduled work and deliveries remember the epoch they
 * were started in and do nothing once it has passed, so one test's late callbacks never
 * land in the next test's records.
 */
final class SimulatorState {

	private static final String REFERENCE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	final Map<String, StoredResource> resources = new ConcurrentHashMap<>();

	/**
	 * Settlement accounts in the order they were added: the first is the preferred one.
	 */
	private final List<StoredResource> settlementAccounts = new CopyOnWriteArrayList<>();

	final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

	final List<TillTransaction> transactions = new CopyOnWriteArrayList<>();

	/**
	 * The M-PESA references of till payments a reversal was accepted for: each can be
	 * reversed once.
	 */
	final Set<String> reversedReferences = ConcurrentHashMap.newKeySet();

	/** Webhook event bodies by event id, for {@code GET /webhook_events/{id}}. */
	final Map<String, byte[]> webhookEvents = new ConcurrentHashMap<>();

	final AtomicLong epoch = new AtomicLong();

	private final SecureRandom random = new SecureRandom();

	private BigDecimal balance = BigDecimal.ZERO;

	synchronized void credit(BigDecimal amount) {
		this.balance = this.balance.add(amount);
	}

	/** Takes up to {@code amount} from the balance, never below zero. */
	synchronized void debit(BigDecimal amount) {
		this.balance = this.balance.subtract(amount).max(BigDecimal.ZERO);
	}

	synchronized BigDecimal balance() {
		return this.balance;
	}

	@Nullable StoredResource resource(Collection collection, String id) {
		StoredResource resource = this.resources.get(id);
		return (resource != null && resource.collection() == collection) ? resource : null;
	}

	/**
	 * A merchant settlement account by its {@code account_reference} (or its id), or
	 * {@code null}.
	 */
	@Nullable StoredResource settlementAccount(String reference) {
		for (StoredResource resource : this.resources.values()) {
			if ((resource.collection() == Collection.MERCHANT_BANK_ACCOUNTS
					|| resource.collection() == Collection.MERCHANT_WALLETS)
					&& (reference.equals(resource.id())
							|| reference.equals(Wire.text(resource.attributes(), "account_reference")))) {
				return resource;
			}
		}
		return null;
	}

	/** The till payment with this M-PESA reference (any case), or {@code null}. */
	@Nullable TillTransaction transaction(String reference) {
		for (TillTransaction tx : this.transactions) {
			if (tx.reference().equalsIgnoreCase(reference)) {
				return tx;
			}
		}
		return null;
	}

	/**
	 * A pay recipient by its {@code recipient_reference} (or its id), or {@code null}.
	 */
	@Nullable StoredResource payRecipient(String reference) {
		for (StoredResource resource : this.resources.values()) {
			if (resource.collection() == Collection.PAY_RECIPIENTS && (reference.equals(resource.id())
					|| reference.equals(Wire.text(resource.attributes(), "recipient_reference")))) {
				return resource;
			}
		}
		return null;
	}

	/**
	 * The first settlement account added, bank accounts before wallets: where a blind
	 * transfer goes.
	 */
	@Nullable StoredResource preferredSettlementAccount() {
		StoredResource wallet = null;
		for (StoredResource resource : this.settlementAccounts) {
			if (resource.collection() == Collection.MERCHANT_BANK_ACCOUNTS) {
				return resource;
			}
			if (wallet == null) {
				wallet = resource;
			}
		}
		return wallet;
	}

	/**
	 * Stores a created resource, remembering settlement accounts in the order they came.
	 */
	void store(StoredResource resource) {
		this.resources.put(resource.id(), resource);
		if (resource.collection() == Collection.MERCHANT_BANK_ACCOUNTS
				|| resource.collection() == Collection.MERCHANT_WALLETS) {
			this.settlementAccounts.add(resource);
		}
	}

	/**
	 * Takes the whole balance at once, so that two blind transfers can never settle the
	 * same funds.
	 */
	synchronized BigDecimal takeBalance() {
		BigDecimal all = this.balance;
		this.balance = BigDecimal.ZERO;
		return all;
	}

	/**
	 * An M-PESA-like receipt: ten upper-case letters and digits, starting with a letter.
	 */
	String mpesaReference() {
		StringBuilder reference = new StringBuilder(10);
		reference.append((char) ('A' + this.random.nextInt(26)));
		for (int i = 1; i < 10; i++) {
			reference.append(REFERENCE_CHARS.charAt(this.random.nextInt(REFERENCE_CHARS.length())));
		}
		return reference.toString();
	}

	/**
	 * Forgets everything and starts a new epoch. Tokens are kept elsewhere and survive.
	 */
	synchronized void reset() {
		this.epoch.incrementAndGet();
		this.resources.clear();
		this.settlementAccounts.clear();
		this.subscriptions.clear();
		this.transactions.clear();
		this.webhookEvents.clear();
		this.reversedReferences.clear();
		this.balance = BigDecimal.ZERO;
	}

}
