package io.k2connect.pay;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.k2connect.K2Client;
import io.k2connect.K2TestServer;
import io.k2connect.RequestOptions;
import io.k2connect.ResourceLocation;
import io.k2connect.event.PaymentResult;
import io.k2connect.model.Amounts;
import io.k2connect.model.SettlementMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class PayServiceTests {

	private static final String CALLBACK = "https://webhook.site/52fd1913-778e-4ee1-bdc4-74517abb758d";

	@RegisterExtension
	final K2TestServer server = K2TestServer.start();

	private final K2Client client = this.server.clientBuilder().build();

	@Test
	void addPayRecipientPostsTheDocumentedMobileWalletBody() {
		ResourceLocation location = this.client.pay()
			.addPayRecipient(MobileWalletRecipient.builder()
				.firstName("mobile_wallet_first_name")
				.lastName("mobile_wallet_last_name")
				.phoneNumber("+254123456789")
				.network("mobile_wallet_network")
				.email("test@test.com")
				.build());

		JsonNode body = this.server.onlyApiPost("/api/v1/pay_recipients");
		K2TestServer.assertJsonEquals(body, K2TestServer.example("request-pay_recipient-mobile_wallet.json"));
		assertThat(location.location().getPath()).isEqualTo("/api/v1/pay_recipients/" + location.id());
	}

	@Test
	void addPayRecipientPostsTheDocumentedBankAccountBody() {
		this.client.pay()
			.addPayRecipient(new BankAccountRecipient("bank_account_name", "bank_account_number",
					"633aa26c-7b7c-4091-ae28-96c0687cf886", SettlementMethod.EFT));

		JsonNode body = this.server.onlyApiPost("/api/v1/pay_recipients");
		K2TestServer.assertJsonEquals(body, K2TestServer.example("request-pay_recipient-bank_account.json"));
	}

	@Test
	void addPayRecipientPostsTheDocumentedTillBody() {
		this.client.pay().addPayRecipient(new TillRecipient("Python Test Till", "519953"));

		JsonNode body = this.server.onlyApiPost("/api/v1/pay_recipients");
		K2TestServer.assertJsonEquals(body, K2TestServer.example("request-pay_recipient-till.json"));
	}

	@Test
	void addPayRecipientPostsTheDocumentedPaybillBody() {
		this.client.pay().addPayRecipient(new PaybillRecipient("Python Payhiss", "815581", "account_one"));

		JsonNode body = this.server.onlyApiPost("/api/v1/pay_recipients");
		K2TestServer.assertJsonEquals(body, K2TestServer.example("request-pay_recipient-paybill.json"));
	}

	@Test
	void addPayRecipientWritesThePhoneInInternationalFormAndLeavesOutAMissingEmail() {
		this.client.pay()
			.addPayRecipient(MobileWalletRecipient.builder()
				.firstName(" Jane ")
				.lastName("Doe")
				.phoneNumber("0712 345-678")
				.network(MobileWalletRecipient.SAFARICOM)
				.build());

		JsonNode recipient = this.server.onlyApiRequest().json().get("pay_recipient");
		assertThat(recipient.propertyNames()).containsExactlyInAnyOrder("first_name", "last_name", "phone_number",
				"network");
		assertThat(recipient.get("first_name").asString()).isEqualTo("Jane");
		assertThat(recipient.get("phone_number").asString()).isEqualTo("+254712345678");
		assertThat(recipient.get("network").asString()).isEqualTo("Safaricom");
	}

	@Test
	void addPayRecipientWithExplicitTokenSendsItAndFetchesNone() {
		this.client.pay()
			.addPayRecipient(new TillRecipient("Till", "519953"), RequestOptions.withAccessToken("my-own"));

		assertThat(this.server.onlyApiRequest().header("Authorization")).isEqualTo("Bearer my-own");
		assertThat(this.server.tokenRequests()).isZero();
	}

	@ParameterizedTest
	@EnumSource(PayDestinationType.class)
	void addPayRecipientWritesTheTypeWireValue(PayDestinationType type) {
		PayRecipient recipient = recipientOf(type);
		this.client.pay().addPayRecipient(recipient);

		assertThat(recipient.type()).isEqualTo(type);
		// Every documented wire value is the constant's name in lower case.
		assertThat(this.server.onlyApiRequest().json().get("type").asString())
			.isEqualTo(type.name().toLowerCase(Locale.ROOT));
	}

	@ParameterizedTest
	@EnumSource(PayDestinationType.class)
	void sendPayWritesTheDestinationTypeWireValue(PayDestinationType type) {
		this.client.pay().sendPay(minimal().destinationType(type).build());

		// Every documented wire value is the constant's name in lower case.
		assertThat(this.server.onlyApiRequest().json().get("destination_type").asString())
			.isEqualTo(type.name().toLowerCase(Locale.ROOT));
	}

	@Test
	void payDestinationTypesAreTheFourDocumentedOnes() {
		assertThat(Arrays.stream(PayDestinationType.values()).map(PayDestinationType::wireValue))
			.containsExactly("mobile_wallet", "bank_account", "till", "paybill");
	}

	@Test
	void bankAccountRecipientWritesRtsSettlementMethod() {
		this.client.pay()
			.addPayRecipient(new BankAccountRecipient("Name", "123", "633aa26c-7b7c-4091-ae28-96c0687cf886",
					SettlementMethod.RTS));

		assertThat(this.server.onlyApiRequest().json().at("/pay_recipient/settlement_method").asString())
			.isEqualTo("RTS");
	}

	@Test
	void sendPayPostsTheDocumentedBody() {
		ResourceLocation location = this.client.pay()
			.sendPay(SendPayRequest.builder()
				.destinationType(PayDestinationType.MOBILE_WALLET)
				.destinationReference("9764ef5f-fcd6-42c1-bbff-de280becc64b")
				.amount(new BigDecimal("10"))
				.description("Salary payment for May 2018")
				.category(PayCategory.SALARIES)
				.tags("tag 1", "tag 2")
				.metadata(Map.of("customerId", "8675309", "notes", "Salary payment for May 2018"))
				.callbackUrl(CALLBACK)
				.build());

		JsonNode body = this.server.onlyApiPost("/api/v1/payments");
		ObjectNode expected = K2TestServer.example("request-send_pay.json");
		// The example (Python v1) sends the value as the string "10"; docs/k2-api.md §0.5
		// has us send a JSON number.
		((ObjectNode) expected.get("amount")).put("value", 10);
		K2TestServer.assertJsonEquals(body, expected);
		assertThat(location.location().getPath()).isEqualTo("/api/v1/payments/" + location.id());
	}

	@Test
	void sendPayLeavesOutMissingOptionalFields() {
		this.client.pay().sendPay(minimal().build());

		JsonNode body = this.server.onlyApiRequest().json();
		assertThat(body.propertyNames()).containsExactlyInAnyOrder("destination_type", "destination_reference",
				"amount", "description", "_links");
		assertThat(body.at("/amount/currency").asString()).isEqualTo("KES");
		assertThat(body.at("/amount/value").isNumber()).isTrue();
	}

	@Test
	void sendPayWithExplicitTokenSendsItAndFetchesNone() {
		this.client.pay().sendPay(minimal().build(), RequestOptions.withAccessToken("my-own"));

		assertThat(this.server.onlyApiRequest().header("Authorization")).isEqualTo("Bearer my-own");
		assertThat(this.server.tokenRequests()).isZero();
	}

	@ParameterizedTest
	@EnumSource(PayCategory.class)
	void sendPayWritesTheCategoryWireValue(PayCategory category) {
		this.client.pay().sendPay(minimal().category(category).build());

		// Every documented wire value is the constant's name in lower case.
		assertThat(this.server.onlyApiRequest().json().get("category").asString())
			.isEqualTo(category.name().toLowerCase(Locale.ROOT));
	}

	@Test
	void payCategoriesAreTheFifteenDocumentedOnes() {
		assertThat(Arrays.stream(PayCategory.values()).map(PayCategory::wireValue)).containsExactlyInAnyOrder(
				"advertising_and_marketing", "education_and_training", "general", "insurance", "legal_and_professional",
				"maintenance_and_repairs", "loans", "office_supplies", "permits_licences_subscriptions",
				"postage_and_shipping", "rent_or_mortgage", "sales_commissions", "travel", "utilities", "salaries");
	}

	@Test
	void sendPayStripsTags() {
		this.client.pay().sendPay(minimal().tags(List.of(" urgent ", "may")).build());

		assertThat(this.server.onlyApiRequest().json().get("tags").values()).extracting(JsonNode::asString)
			.containsExactly("urgent", "may");
	}

	@Test
	void mobileWalletRecipientRequiresEveryFieldButEmail() {
		this.server.assertRejected(
				() -> this.client.pay().addPayRecipient(MobileWalletRecipient.builder().network(" ").build()),
				"pay_recipient.first_name", "pay_recipient.last_name", "pay_recipient.phone_number",
				"pay_recipient.network");
	}

	@Test
	void mobileWalletRecipientRejectsAForeignPhoneAndAMalformedEmail() {
		this.server.assertRejected(
				() -> this.client.pay()
					.addPayRecipient(
							new MobileWalletRecipient("Jane", "Doe", "+255712345678", "Safaricom", "jane.example.com")),
				"pay_recipient.phone_number", "pay_recipient.email");
	}

	@Test
	void bankAccountRecipientRequiresEveryField() {
		this.server.assertRejected(
				() -> this.client.pay().addPayRecipient(new BankAccountRecipient(null, " ", "", null)),
				"pay_recipient.account_name", "pay_recipient.account_number", "pay_recipient.bank_branch_ref",
				"pay_recipient.settlement_method");
	}

	@Test
	void tillRecipientRequiresEveryField() {
		this.server.assertRejected(() -> this.client.pay().addPayRecipient(new TillRecipient(" ", null)),
				"pay_recipient.till_name", "pay_recipient.till_number");
	}

	@Test
	void paybillRecipientRequiresEveryField() {
		this.server.assertRejected(() -> this.client.pay().addPayRecipient(new PaybillRecipient(null, "", " ")),
				"pay_recipient.paybill_name", "pay_recipient.paybill_number", "pay_recipient.paybill_account_number");
	}

	@Test
	void sendPayRequiresDestinationAmountDescriptionAndCallback() {
		this.server.assertRejected(() -> this.client.pay().sendPay(SendPayRequest.builder().description(" ").build()),
				"destination_type", "destination_reference", "amount.value", "description", "_links.callback_url");
	}

	@Test
	void sendPayRejectsBadAmountCurrencyTagsMetadataAndCallback() {
		this.server.assertRejected(
				() -> this.client.pay()
					.sendPay(minimal().amount(new BigDecimal("-1.234"))
						.currency("USD")
						.tags(Arrays.asList("ok", " ", null))
						.metadata(Map.of("a", 1, "b", 2, "c", 3, "d", 4, "e", 5, "f", 6))
						.callbackUrl("http://example.com/callback")
						.build()),
				"amount.value", "amount.value", "amount.currency", "tags", "tags", "metadata", "_links.callback_url");
	}

	@ParameterizedTest
	@MethodSource("io.k2connect.K2TestServer#absurdAmounts")
	void sendPayRejectsAnAbsurdAmountAtOnce(String amount) {
		this.server.assertRejectedQuickly(
				() -> this.client.pay().sendPay(minimal().amount(new BigDecimal(amount)).build()), "amount.value");
	}

	@Test
	void sendPayAcceptsTheLargestAmount() {
		this.client.pay().sendPay(minimal().amount(Amounts.MAX).build());

		assertThat(this.server.onlyApiRequest().json().at("/amount/value").decimalValue()).isEqualTo(Amounts.MAX);
	}

	@Test
	void sendPayReportsAnUnparseableCallbackUrl() {
		this.server.assertRejected(() -> this.client.pay().sendPay(minimal().callbackUrl("not a url").build()),
				"_links.callback_url");
	}

	private static PayRecipient recipientOf(PayDestinationType type) {
		return switch (type) {
			case MOBILE_WALLET -> MobileWalletRecipient.builder()
				.firstName("Jane")
				.lastName("Doe")
				.phoneNumber("0712345678")
				.network(MobileWalletRecipient.SAFARICOM)
				.build();
			case BANK_ACCOUNT -> new BankAccountRecipient("Jane Doe", "0123456789",
					"633aa26c-7b7c-4091-ae28-96c0687cf886", SettlementMethod.EFT);
			case TILL -> new TillRecipient("Corner Shop", "519953");
			case PAYBILL -> new PaybillRecipient("Power Co", "815581", "ACC-1");
		};
	}

	private static SendPayRequest.Builder minimal() {
		return SendPayRequest.builder()
			.destinationType(PayDestinationType.TILL)
			.destinationReference("9764ef5f-fcd6-42c1-bbff-de280becc64b")
			.amount(new BigDecimal("10.50"))
			.description("Stock")
			.callbackUrl("https://example.com/k2/callback");
	}

	@Test
	void payTransactionStatusReadsThePaymentResult() {
		ResourceLocation location = ResourceLocation.of(this.server.baseUrl() + "/api/v1/payments/pay-1");
		this.server.script("GET", "/api/v1/payments/pay-1",
				K2TestServer.Reply.json(200, K2TestServer.example("result-payment-processed.json").toString()));

		PaymentResult result = this.client.pay().payTransactionStatus(location);

		assertThat(this.server.onlyApiRequest().method()).isEqualTo("GET");
		assertThat(result.status()).isEqualTo("Processed");
		assertThat(result.amount()).isPositive();
		assertThat(result.transferBatches()).isNotEmpty();
		assertThat(result.transferBatches().get(0).disbursements()).isNotEmpty();
	}

}
