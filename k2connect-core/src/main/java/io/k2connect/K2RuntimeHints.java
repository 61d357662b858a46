package io.k2connect;

import java.util.ArrayList;
import java.util.List;

import io.k2connect.event.K2Payload;
import io.k2connect.notification.TransactionSmsNotificationRequest;
import io.k2connect.pay.BankAccountRecipient;
import io.k2connect.pay.MobileWalletRecipient;
import io.k2connect.pay.PaybillRecipient;
import io.k2connect.pay.SendPayRequest;
import io.k2connect.pay.TillRecipient;
import io.k2connect.paymentlink.PaymentLinkRequest;
import io.k2connect.polling.PollingRequest;
import io.k2connect.receive.PaymentRequest;
import io.k2connect.reversal.ReversalRequest;
import io.k2connect.sendmoney.BankAccountDestination;
import io.k2connect.sendmoney.MerchantBankAccountDestination;
import io.k2connect.sendmoney.MerchantWalletDestination;
import io.k2connect.sendmoney.MobileWalletDestination;
import io.k2connect.sendmoney.PaybillDestination;
import io.k2connect.sendmoney.SendMoneyRequest;
import io.k2connect.sendmoney.TillDestination;
import io.k2connect.subscription.WebhookSubscriptionRequest;
import io.k2connect.transfer.BankSettlementAccount;
import io.k2connect.transfer.MobileWalletSettlementAccount;
import io.k2connect.transfer.SettleFundsRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What a native image of an application using k2connect needs at run time, registered
 * through {@code META-INF/spring/aot.factories}. k2connect itself reads payloads with
 * Jackson's streaming parser and writes requests by hand, so it needs no reflection; the
 * records are registered for binding because applications serialise them (an event
 * publication registry storing deliveries as JSON, a log, a REST answer). The client
 * reads its version from a resource.
 */
final class K2RuntimeHints implements RuntimeHintsRegistrar {

	/** The request records and the destinations, recipients and accounts they hold. */
	private static final List<Class<?>> REQUESTS = List.of(PaymentRequest.class, SendPayRequest.class,
			SettleFundsRequest.class, SendMoneyRequest.class, PollingRequest.class, PaymentLinkRequest.class,
			ReversalRequest.class, TransactionSmsNotificationRequest.class, WebhookSubscriptionRequest.class,
			MobileWalletDestination.class, BankAccountDestination.class, TillDestination.class,
			PaybillDestination.class, MerchantWalletDestination.class, MerchantBankAccountDestination.class,
			MobileWalletRecipient.class, BankAccountRecipient.class, TillRecipient.class, PaybillRecipient.class,
			BankSettlementAccount.class, MobileWalletSettlementAccount.class);

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern("io/k2connect/k2connect.properties");
		BindingReflectionHintsRegistrar binding = new BindingReflectionHintsRegistrar();
		binding.registerReflectionHints(hints.reflection(), payloadRecords().toArray(Class<?>[]::new));
		binding.registerReflectionHints(hints.reflection(), REQUESTS.toArray(Class<?>[]::new));
	}

	/** Every record a payload can be: the sealed hierarchy of {@link K2Payload}. */
	static List<Class<?>> payloadRecords() {
		List<Class<?>> records = new ArrayList<>();
		collect(K2Payload.class, records);
		return records;
	}

	private static void collect(Class<?> type, List<Class<?>> records) {
		if (type.isRecord()) {
			records.add(type);
		}
		Class<?>[] permitted = type.getPermittedSubclasses();
		if (permitted != null) {
			for (Class<?> subtype : permitted) {
				collect(subtype, records);
			}
		}
	}

}
