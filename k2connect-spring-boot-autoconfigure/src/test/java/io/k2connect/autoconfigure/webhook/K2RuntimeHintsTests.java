package io.k2connect.autoconfigure.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The resources the JDBC delivery store reads, registered for a native image. */
class K2RuntimeHintsTests {

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "mysql", "h2", "hsqldb" })
	void everySchemaScriptIsAResourceOfTheImage(String platform) {
		RuntimeHints hints = new RuntimeHints();
		new K2DeliveryStoreConfigurations.SchemaScripts().registerHints(hints, getClass().getClassLoader());
		String script = "io/k2connect/autoconfigure/webhook/jdbc/schema-" + platform + ".sql";

		assertThat(new ClassPathResource(script).exists()).as(script).isTrue();
		assertThat(RuntimeHintsPredicates.resource().forResource(script)).accepts(hints);
	}

	@Test
	void theHintsComeWithTheJdbcStore() {
		assertThat(K2DeliveryStoreConfigurations.Jdbc.class.getAnnotation(ImportRuntimeHints.class).value())
			.containsExactly(K2DeliveryStoreConfigurations.SchemaScripts.class);
	}

}
