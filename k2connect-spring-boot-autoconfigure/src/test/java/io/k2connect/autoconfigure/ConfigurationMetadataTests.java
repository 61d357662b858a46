package io.k2connect.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IDE metadata the build generates from the {@code k2.*} properties (and the
 * additional metadata next to it): every property is described, has its default unless it
 * has none by nature, and every enumeration lists its values.
 */
class ConfigurationMetadataTests {

	/** Properties whose absence is their default: credentials and optional overrides. */
	private static final Set<String> WITHOUT_DEFAULT = Set.of("k2.client-id", "k2.client-secret", "k2.api-key",
			"k2.webhook.additional-api-keys", "k2.webhook.jdbc.platform", "k2.webhook.public-url",
			"k2.reconciliation.till");

	private static final Set<String> ENUMERATIONS = Set.of("k2.api-version", "k2.webhook.delivery-store",
			"k2.webhook.processing", "k2.webhook.jdbc.initialize-schema", "k2.reconciliation.scope");

	@Test
	void everyPropertyIsDescribedAndHasItsDefault() throws IOException {
		JsonNode metadata = metadata();
		List<String> names = new ArrayList<>();
		for (JsonNode property : metadata.get("properties")) {
			String name = property.get("name").asString();
			if (!name.startsWith("k2.")) {
				continue;
			}
			names.add(name);
			assertThat(property.path("description").asString("")).as(name + " description").isNotBlank();
			if (!WITHOUT_DEFAULT.contains(name)) {
				assertThat(property.has("defaultValue")).as(name + " default").isTrue();
			}
		}
		assertThat(names).contains("k2.client-id", "k2.webhook.processing", "k2.webhook.retry.max-attempts",
				"k2.recovery.result-timeout", "k2.webhook.jdbc.table-name", "k2.simulator.enabled");
	}

	@Test
	void everyEnumerationListsItsValues() throws IOException {
		JsonNode metadata = metadata();
		for (String name : ENUMERATIONS) {
			JsonNode hint = null;
			for (JsonNode candidate : metadata.path("hints")) {
				if (candidate.get("name").asString().equals(name)) {
					hint = candidate;
				}
			}
			assertThat(hint).as(name + " hint").isNotNull();
			assertThat(hint.get("values")).as(name + " values")
				.hasSizeGreaterThanOrEqualTo(2)
				.allSatisfy((value) -> assertThat(value.path("description").asString("")).isNotBlank());
		}
	}

	private static JsonNode metadata() throws IOException {
		try (InputStream in = ConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("the metadata the configuration processor generates").isNotNull();
			return JsonMapper.builder().build().readTree(in);
		}
	}

}
