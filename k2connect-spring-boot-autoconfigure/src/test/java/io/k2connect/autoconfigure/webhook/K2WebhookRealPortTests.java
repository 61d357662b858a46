package io.k2connect.autoconfigure.webhook;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.k2connect.event.BuygoodsTransactionReceived;
import io.k2connect.event.Examples;
import io.k2connect.event.K2Event;
import io.k2connect.webhook.K2Signatures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = WebhookTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "k2.client-id=id", "k2.client-secret=secret", "k2.api-key=" + WebhookTestApplication.API_KEY,
				"server.tomcat.threads.max=32", "k2.webhook.delivery-store=memory" })
class K2WebhookRealPortTests {

	private static final String TEMPLATE = new String(
			WebhookTestApplication.example("webhook-buygoods_transaction_received.json"), StandardCharsets.UTF_8);

	private static final String EXAMPLE_ID = "2133dbfb-24b9-40fc-ae57-2d7559785760";

	@LocalServerPort
	private int port;

	@Autowired
	private RecordingListener listener;

	@Autowired
	private InMemoryK2DeliveryRegistry registry;

	@BeforeEach
	void clear() {
		this.listener.clear();
		this.registry.clear();
	}

	@Test
	void signedWebhookOverARealSocketIsPublished() throws Exception {
		assertThat(TEMPLATE).contains(EXAMPLE_ID);
		byte[] body = TEMPLATE.getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> response = post(body, K2Signatures.sign(body, WebhookTestApplication.API_KEY));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.listener.buygoods).singleElement()
			.satisfies((event) -> assertThat(event.id()).isEqualTo(EXAMPLE_ID));
	}

	@Test
	void unsignedWebhookOverARealSocketIs401() throws Exception {
		HttpResponse<String> response = post(TEMPLATE.getBytes(StandardCharsets.UTF_8), null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(this.listener.payloads()).isEmpty();
	}

	@Test
	void twoThousandConcurrentDeliveriesWithDuplicatesGiveEachDistinctEventOnce() throws Exception {
		int distinct = 1800;
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < distinct; i++) {
			ids.add(String.format("00000000-0000-4000-8000-%012d", i));
		}
		List<String> deliveries = new ArrayList<>(ids);
		Random random = new Random(42);
		for (int i = 0; i < 200; i++) {
			deliveries.add(ids.get(random.nextInt(distinct)));
		}
		Collections.shuffle(deliveries, random);
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (String id : deliveries) {
				statuses.add(pool.submit(() -> {
					byte[] body = Examples.tillPayment(id);
					String signature = K2Signatures.sign(body, WebhookTestApplication.API_KEY);
					int status = post(body, signature).statusCode();
					// Like K2: a repeat that met the first attempt still in progress
					// comes back later.
					while (status == 409) {
						Thread.sleep(20);
						status = post(body, signature).statusCode();
					}
					return status;
				}));
			}
			for (Future<Integer> status : statuses) {
				assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(deliveries).hasSize(2000);
		assertThat(this.listener.buygoods).hasSize(distinct);
		Set<String> published = this.listener.buygoods.stream().map(K2Event::id).collect(Collectors.toSet());
		assertThat(published).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(this.listener.buygoods)
			.allSatisfy((BuygoodsTransactionReceived event) -> assertThat(event.amount()).isPositive());
	}

	private HttpResponse<String> post(byte[] body, String signature) throws Exception {
		return WebhookTestApplication.postWebhook(this.port, body, signature);
	}

}
