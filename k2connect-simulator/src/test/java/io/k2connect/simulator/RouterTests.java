package io.k2connect.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the simulator reads and keeps of the requests it receives stays bounded. */
class RouterTests {

	@Test
	void oldestRequestsAreDroppedBeyondMaxRecordedRequests() {
		try (K2Simulator k2 = K2Simulator.builder().maxRecordedRequests(3).start()) {
			for (int i = 0; i < 5; i++) {
				Api.send(HttpRequest.newBuilder(k2.baseUrl().resolve("/nowhere?i=" + i)).build());
			}

			assertThat(k2.requests()).extracting(RecordedRequest::query).containsExactly("i=2", "i=3", "i=4");
		}
	}

	@Test
	void zeroMaxRecordedRequestsRecordsNothing() {
		try (K2Simulator k2 = K2Simulator.builder().maxRecordedRequests(0).start()) {
			k2.clientBuilder().build().tokens().requestAccessToken();

			assertThat(k2.requests()).isEmpty();
		}
	}

	@Test
	void recordedBodyIsCutAtMaxRecordedBodySizeButHandlingSeesItWhole() {
		try (K2Simulator k2 = K2Simulator.builder().maxRecordedBodySize(10).start()) {
			String form = RawConnection.tokenForm(k2);
			HttpResponse<String> token = Api.send(HttpRequest.newBuilder(k2.baseUrl().resolve("/oauth/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build());

			assertThat(token.statusCode()).isEqualTo(200);
			RecordedRequest recorded = k2.requests().get(0);
			assertThat(recorded.body()).hasSize(10);
			assertThat(recorded.bodyText()).isEqualTo(form.substring(0, 10));
			assertThat(recorded.bodyTruncated()).isTrue();
		}
	}

	@Test
	void bodyWithinMaxRecordedBodySizeIsRecordedWhole() {
		try (K2Simulator k2 = K2Simulator.builder().maxRecordedBodySize(10).start()) {
			post(k2, new byte[10]);

			RecordedRequest recorded = k2.requests().get(0);
			assertThat(recorded.body()).hasSize(10);
			assertThat(recorded.bodyTruncated()).isFalse();
		}
	}

	@Test
	void bodyAnnouncedLargerThanMaxRequestBodySizeIsRefusedWithoutBeingRead() throws IOException {
		try (K2Simulator k2 = K2Simulator.builder().start();
				RawConnection connection = new RawConnection(k2.baseUrl())) {
			// 32 MiB announced and none of it sent: only an answer that does not wait for
			// the body arrives.
			RawConnection.Response response = connection.send("POST /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Content-Length: " + 32 * 1024 * 1024 + "\r\n\r\n", new byte[0]);

			assertThat(response.status()).isEqualTo(413);
			assertThat(response.body()).contains("larger than 1048576 bytes");
			assertThat(response.keepsAlive()).isFalse();
			RecordedRequest recorded = k2.requests().get(0);
			assertThat(recorded.body()).isEmpty();
			assertThat(recorded.bodyTruncated()).isTrue();
		}
	}

	@Test
	void chunkedBodyLargerThanMaxRequestBodySizeIsRefused() {
		try (K2Simulator k2 = K2Simulator.builder().maxRequestBodySize(1024).start()) {
			byte[] body = new byte[4096];
			// A publisher of unknown length makes the client send the body chunked,
			// without Content-Length.
			HttpResponse<String> response = Api.send(HttpRequest.newBuilder(k2.baseUrl().resolve("/oauth/token"))
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
				.build());

			assertThat(response.statusCode()).isEqualTo(413);
			assertThat(k2.requests().get(0).header("Transfer-Encoding")).isEqualTo("chunked");
		}
	}

	@Test
	void bodyOfExactlyMaxRequestBodySizeIsHandled() {
		try (K2Simulator k2 = K2Simulator.builder().maxRequestBodySize(1024).start()) {
			byte[] body = new byte[1024];
			Arrays.fill(body, (byte) 'a');

			assertThat(post(k2, body).statusCode()).isEqualTo(404);
			assertThat(k2.requests().get(0).bodyText()).isEqualTo(new String(body, StandardCharsets.US_ASCII));
		}
	}

	private static HttpResponse<String> post(K2Simulator k2, byte[] body) {
		return Api.send(HttpRequest.newBuilder(k2.baseUrl().resolve("/nowhere"))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build());
	}

}
