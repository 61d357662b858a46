package io.k2connect;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.k2connect.observation.DefaultK2ClientObservationConvention;
import io.k2connect.observation.K2ClientObservationContext;
import io.k2connect.observation.K2ClientObservationConvention;
import io.k2connect.observation.K2ClientObservationDocumentation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Observes {@link ClientTransport}'s calls: one observation per K2 operation, named from
 * the path by a fixed table so that the {@code k2.operation} tag stays low-cardinality.
 */
final class ClientObservations {

	private static final DefaultK2ClientObservationConvention DEFAULT_CONVENTION = new DefaultK2ClientObservationConvention();

	/** Collections by the last segment of their path, and the operation a create is. */
	private static final Map<String, String> OPERATIONS = Map.ofEntries(Map.entry("incoming_payments", "stk_push"),
			Map.entry("payments", "pay"), Map.entry("send_money", "send_money"),
			Map.entry("settlement_transfers", "settlement_transfer"), Map.entry("reversals", "reversal"),
			Map.entry("payment_links", "payment_link"), Map.entry("polling", "polling"),
			Map.entry("transaction_sms_notifications", "sms_notification"),
			Map.entry("webhook_subscriptions", "webhook_subscription"), Map.entry("pay_recipients", "pay_recipient"),
			Map.entry("merchant_bank_accounts", "merchant_bank_account"),
			Map.entry("merchant_wallets", "merchant_wallet"));

	private static final Map<String, String> OAUTH = Map.of("/oauth/token", "token", "/oauth/revoke", "revoke_token",
			"/oauth/introspect", "introspect_token", "/oauth/token/info", "token_info");

	private final ObservationRegistry registry;

	private final @Nullable K2ClientObservationConvention convention;

	private final String apiVersion;

	ClientObservations(ObservationRegistry registry, @Nullable K2ClientObservationConvention convention,
			ApiVersion apiVersion) {
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
		this.convention = convention;
		this.apiVersion = apiVersion.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Runs one operation in an observation; a {@link K2ApiException} records K2's status.
	 */
	<T> T observe(String operation, String method, @Nullable String resourceId,
			Function<K2ClientObservationContext, T> call) {
		K2ClientObservationContext context = new K2ClientObservationContext(operation, method, this.apiVersion);
		context.setResourceId(resourceId);
		Observation observation = K2ClientObservationDocumentation.CLIENT_OPERATION.observation(this.convention,
				DEFAULT_CONVENTION, () -> context, this.registry);
		return observation.observe(() -> {
			try {
				return call.apply(context);
			}
			catch (K2ApiException ex) {
				context.setStatus(ex.status());
				throw ex;
			}
		});
	}

	/** Records an event on the operation being observed on this thread, if any. */
	void event(Observation.Event event) {
		Observation current = this.registry.getCurrentObservation();
		if (current != null) {
			current.event(event);
		}
	}

	/** A create on a collection path, e.g. {@code /api/v2/incoming_payments}. */
	static String create(String path) {
		return OPERATIONS.getOrDefault(lastSegment(path), "other");
	}

	/** A status read of a resource location, e.g. {@code .../incoming_payments/<id>}. */
	static String status(URI location) {
		String[] segments = segments(location.getPath());
		String collection = (segments.length >= 2) ? segments[segments.length - 2] : "";
		String operation = OPERATIONS.get(collection);
		return (operation != null) ? operation + "_status" : "other";
	}

	/** An action on a resource, e.g. {@code .../payment_links/<id>/cancel}. */
	static String action(URI url) {
		String[] segments = segments(url.getPath());
		String collection = (segments.length >= 3) ? segments[segments.length - 3] : "";
		String operation = OPERATIONS.get(collection);
		String action = (segments.length >= 1) ? segments[segments.length - 1] : "";
		return (operation != null && action.matches("[a-z_]{1,32}")) ? operation + "_" + action : "other";
	}

	/** An OAuth call, e.g. {@code /oauth/token}. */
	static String oauth(String path) {
		return OAUTH.getOrDefault(path, "other");
	}

	/** The last segment of a location: the resource id. */
	static @Nullable String resourceId(URI location) {
		String[] segments = segments(location.getPath());
		return (segments.length > 0) ? segments[segments.length - 1] : null;
	}

	private static String lastSegment(String path) {
		String[] segments = segments(path);
		return (segments.length > 0) ? segments[segments.length - 1] : "";
	}

	private static String[] segments(@Nullable String path) {
		if (path == null) {
			return new String[0];
		}
		String trimmed = path.replaceAll("^/+|/+$", "");
		return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
	}

}
