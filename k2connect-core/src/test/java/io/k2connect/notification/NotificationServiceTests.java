package io.k2connect.notification;

import io.k2connect.K2Client;
import io.k2connect.K2TestServer;
import io.k2connect.K2ValidationException;
import io.k2connect.RequestOptions;
import io.k2connect.ResourceLocation;
import io.k2connect.event.TransactionSmsNotificationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NotificationServiceTests {

	@RegisterExtension
	final K2TestServer server = K2TestServer.start();

	private final K2Client client = this.server.clientBuilder().build();

	@Test
	void sendTransactionSmsNotificationPostsTheDocumentedBody() {
		ResourceLocation location = this.client.notifications()
			.sendTransactionSmsNotification(TransactionSmsNotificationRequest.builder()
				.webhookEventReference("e51438e9-c42b-4bf2-a261-faeaf189e3ed")
				.message("Your message here")
				.callbackUrl("https://webhook.site/a67f60b8-8c26-40a2-866c-99f5314a3e0e")
				.build());

		K2TestServer.RecordedRequest request = this.server.onlyApiRequest();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/api/v1/transaction_sms_notifications");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + this.server.lastIssuedToken());
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		K2TestServer.assertJsonEquals(request.json(),
				K2TestServer.example("request-transaction_sms_notification.json"));
		assertThat(location.location().getPath()).startsWith("/api/v1/transaction_sms_notifications/");
	}

	@Test
	void sendTransactionSmsNotificationWithExplicitTokenSendsItAndFetchesNone() {
		this.client.notifications().sendTransactionSmsNotification(valid(), RequestOptions.withAccessToken("my-own"));

		assertThat(this.server.onlyApiRequest().header("Authorization")).isEqualTo("Bearer my-own");
		assertThat(this.server.tokenRequests()).isZero();
	}

	@Test
	void missingFieldsAreAllListedAndNothingIsSent() {
		assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(() -> TransactionSmsNotificationRequest.builder().build())
			.satisfies((ex) -> assertThat(K2TestServer.fields(ex)).containsExactly("webhook_event_reference", "message",
					"_links.callback_url"));
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void blankMessageIsRejected() {
		assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(() -> TransactionSmsNotificationRequest.builder()
				.webhookEventReference("e51438e9-c42b-4bf2-a261-faeaf189e3ed")
				.message(" \t")
				.callbackUrl("https://example.com/k2/callback")
				.build())
			.satisfies((ex) -> assertThat(K2TestServer.fields(ex)).containsExactly("message"));
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void blankWebhookEventReferenceIsRejected() {
		assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(() -> TransactionSmsNotificationRequest.builder()
				.webhookEventReference("")
				.message("Thank you")
				.callbackUrl("https://example.com/k2/callback")
				.build())
			.satisfies((ex) -> assertThat(K2TestServer.fields(ex)).containsExactly("webhook_event_reference"));
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void plainHttpCallbackUrlIsRejected() {
		assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(() -> TransactionSmsNotificationRequest.builder()
				.webhookEventReference("e51438e9-c42b-4bf2-a261-faeaf189e3ed")
				.message("Thank you")
				.callbackUrl("http://example.com/k2/callback")
				.build())
			.satisfies((ex) -> assertThat(K2TestServer.fields(ex)).containsExactly("_links.callback_url"));
		assertThat(this.server.requests()).isEmpty();
	}

	private static TransactionSmsNotificationRequest valid() {
		return TransactionSmsNotificationRequest.builder()
			.webhookEventReference("e51438e9-c42b-4bf2-a261-faeaf189e3ed")
			.message("Thank you for your payment")
			.callbackUrl("https://example.com/k2/callback")
			.build();
	}

	@Test
	void transactionNotificationStatusReadsTheResultDocument() {
		ResourceLocation location = ResourceLocation
			.of(this.server.baseUrl() + "/api/v1/transaction_sms_notifications/sms-1");
		this.server.script("GET", "/api/v1/transaction_sms_notifications/sms-1", K2TestServer.Reply.json(200,
				K2TestServer.example("result-transaction_sms_notification-success.json").toString()));

		TransactionSmsNotificationResult result = this.client.notifications().transactionNotificationStatus(location);

		assertThat(this.server.onlyApiRequest().method()).isEqualTo("GET");
		assertThat(result.status()).isEqualTo("Success");
		assertThat(result.message()).isNotBlank();
		assertThat(result.webhookEventReference()).isNotBlank();
	}

}
