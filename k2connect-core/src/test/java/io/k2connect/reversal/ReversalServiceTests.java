package io.k2connect.reversal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.k2connect.K2Client;
import io.k2connect.K2TestServer;
import io.k2connect.K2TestServer.Reply;
import io.k2connect.RequestOptions;
import io.k2connect.ResourceLocation;
import io.k2connect.event.Examples;
import io.k2connect.event.ReversalResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReversalServiceTests {

	private static final String CALLBACK = "https://callback_to_your_app.your_application.com";

	@RegisterExtension
	final K2TestServer server = K2TestServer.start();

	private final K2Client client = this.server.clientBuilder().build();

	@Test
	void initiateReversalPostsTheDocumentedBody() {
		ResourceLocation location = this.client.reversals()
			.initiateReversal(ReversalRequest.builder()
				.transactionReference("TQ2L262026")
				.reason("Erroneous payment")
				.metadata(Map.of("reversalTicket", "#1283833"))
				.callbackUrl(CALLBACK)
				.build());

		K2TestServer.assertJsonEquals(this.server.onlyApiPost("/api/v2/reversals"),
				K2TestServer.example("request-reversal.json"));
		assertThat(location.location().getPath()).isEqualTo("/api/v2/reversals/" + location.id());
	}

	@Test
	void initiateReversalWithExplicitTokenSendsItAndFetchesNone() {
		this.client.reversals()
			.initiateReversal(
					ReversalRequest.builder().transactionReference("T").reason("r").callbackUrl(CALLBACK).build(),
					RequestOptions.withAccessToken("my-own"));

		assertThat(this.server.onlyApiRequest().header("Authorization")).isEqualTo("Bearer my-own");
		assertThat(this.server.tokenRequests()).isZero();
	}

	@Test
	void reversalRequiresReferenceReasonAndCallback() {
		this.server.assertRejected(
				() -> this.client.reversals().initiateReversal(ReversalRequest.builder().reason(" ").build()),
				"transaction_reference", "reason", "_links.callback_url");
	}

	@Test
	void reversalRejectsTooMuchMetadataAndAnInsecureCallback() {
		this.server.assertRejected(() -> this.client.reversals()
			.initiateReversal(ReversalRequest.builder()
				.transactionReference("T")
				.reason("r")
				.metadata(Map.of("a", 1, "b", 2, "c", 3, "d", 4, "e", 5, "f", 6))
				.callbackUrl("http://example.com/cb")
				.build()), "metadata", "_links.callback_url");
	}

	@ParameterizedTest
	@CsvSource({ "result-reversal-processed.json, reversal, Processed",
			"status-reversal-processed-ruby-spec.json, reversals, Processed",
			"status-reversal-received.json, reversal, Received",
			"status-reversal-scheduled-docs.json, reversals, Scheduled" })
	void reversalStatusReadsBothSpellingsOfTheType(String example, String type, String status) {
		ResourceLocation location = ResourceLocation.of(this.server.baseUrl() + "/api/v2/reversals/rev-1");
		this.server.script("GET", "/api/v2/reversals/rev-1",
				Reply.json(200, new String(Examples.bytes(example), StandardCharsets.UTF_8)));

		ReversalResult result = this.client.reversals().reversalStatus(location);

		assertThat(result.type()).isEqualTo(type);
		assertThat(result.status()).isEqualTo(status);
	}

	@Test
	void reversalStatusReadsTheBulkPayment() {
		ResourceLocation location = ResourceLocation.of(this.server.baseUrl() + "/api/v2/reversals/rev-2");
		this.server.script("GET", "/api/v2/reversals/rev-2",
				Reply.json(200, new String(Examples.bytes("result-reversal-processed.json"), StandardCharsets.UTF_8)));

		ReversalResult result = this.client.reversals().reversalStatus(location, RequestOptions.withAccessToken("t"));

		assertThat(result.isProcessed()).isTrue();
		assertThat(result.transactionReference()).isEqualTo("DAV1777481072");
		assertThat(result.reversalBulkPayment().status()).isEqualTo("Transferred");
		assertThat(result.reversalBulkPayment().amount()).isEqualByComparingTo(new BigDecimal("201"));
		assertThat(result.reversalBulkPayment().transactionReference()).isEqualTo("DAVREV1777481249");
	}

}
