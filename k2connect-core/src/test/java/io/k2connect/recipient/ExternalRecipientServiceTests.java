package io.k2connect.recipient;

import io.k2connect.K2Client;
import io.k2connect.K2TestServer;
import io.k2connect.RequestOptions;
import io.k2connect.ResourceLocation;
import io.k2connect.model.SettlementMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ExternalRecipientServiceTests {

	private static final String PATH = "/api/v2/external_recipients";

	@RegisterExtension
	final K2TestServer server = K2TestServer.start();

	private final K2Client client = this.server.clientBuilder().build();

	@Test
	void addMobileWalletPostsTheDocumentedBody() {
		ResourceLocation location = this.client.externalRecipients()
			.addExternalRecipient(new ExternalMobileWallet("mobile_wallet_first_name", "mobile_wallet_last_name",
					"+254123456789", "Safaricom", "test@test.com", "Nick"));

		JsonNode body = this.server.onlyApiPost(PATH);
		K2TestServer.assertJsonEquals(body, K2TestServer.example("request-external_recipient-mobile_wallet.json"));
		assertThat(location.location().getPath()).isEqualTo(PATH + "/" + location.id());
	}

	@Test
	void addBankAccountPostsTheDocumentedBody() {
		this.client.externalRecipients()
			.addExternalRecipient(new ExternalBankAccount("bank_account_name", "bank_account_number",
					"633aa26c-7b7c-4091-ae28-96c0687cf886", SettlementMethod.EFT, "Nick"));

		K2TestServer.assertJsonEquals(this.server.onlyApiPost(PATH),
				K2TestServer.example("request-external_recipient-bank_account.json"));
	}

	@Test
	void addTillPostsTheDocumentedBody() {
		this.client.externalRecipients().addExternalRecipient(new ExternalTill("Python Test Till", "519953", "Nick"));

		K2TestServer.assertJsonEquals(this.server.onlyApiPost(PATH),
				K2TestServer.example("request-external_recipient-till.json"));
	}

	@Test
	void addPaybillPostsTheDocumentedBody() {
		this.client.externalRecipients()
			.addExternalRecipient(new ExternalPaybill("Python Payhiss", "815581", "account_one", "Nick"));

		K2TestServer.assertJsonEquals(this.server.onlyApiPost(PATH),
				K2TestServer.example("request-external_recipient-paybill.json"));
	}

	@Test
	void withoutNicknameOrOptionalFieldsTheKeysAreLeftOut() {
		this.client.externalRecipients()
			.addExternalRecipient(new ExternalBankAccount("a", "1", "633aa26c-7b7c-4091-ae28-96c0687cf886", null, " "));

		JsonNode fields = this.server.onlyApiRequest().json().get("external_recipient");
		assertThat(fields.has("nickname")).isFalse();
		assertThat(fields.has("settlement_method")).isFalse();
	}

	@Test
	void addExternalRecipientWithExplicitTokenSendsItAndFetchesNone() {
		this.client.externalRecipients()
			.addExternalRecipient(new ExternalTill("Till", "519953", null), RequestOptions.withAccessToken("my-own"));

		assertThat(this.server.onlyApiRequest().header("Authorization")).isEqualTo("Bearer my-own");
		assertThat(this.server.tokenRequests()).isZero();
	}

	@Test
	void mobileWalletRequiresEveryField() {
		this.server.assertRejected(
				() -> this.client.externalRecipients()
					.addExternalRecipient(new ExternalMobileWallet(null, " ", "", null, null, null)),
				"external_recipient.first_name", "external_recipient.last_name", "external_recipient.phone_number",
				"external_recipient.network");
	}

	@Test
	void mobileWalletRejectsABadPhoneAndEmail() {
		this.server.assertRejected(() -> this.client.externalRecipients()
			.addExternalRecipient(new ExternalMobileWallet("a", "b", "+254911222538", "Safaricom", "nope", null)),
				"external_recipient.phone_number", "external_recipient.email");
	}

	@Test
	void bankAccountRequiresEveryField() {
		this.server.assertRejected(
				() -> this.client.externalRecipients()
					.addExternalRecipient(new ExternalBankAccount(" ", null, "", null, null)),
				"external_recipient.account_name", "external_recipient.account_number",
				"external_recipient.bank_branch_ref");
	}

	@Test
	void tillRequiresEveryField() {
		this.server.assertRejected(
				() -> this.client.externalRecipients().addExternalRecipient(new ExternalTill(null, " ", null)),
				"external_recipient.till_name", "external_recipient.till_number");
	}

	@Test
	void paybillRequiresEveryField() {
		this.server.assertRejected(
				() -> this.client.externalRecipients().addExternalRecipient(new ExternalPaybill("", null, " ", null)),
				"external_recipient.paybill_name", "external_recipient.paybill_number",
				"external_recipient.paybill_account_number");
	}

}
