package io.k2connect.autoconfigure.webhook;

import java.time.Duration;

import javax.sql.DataSource;

import io.k2connect.autoconfigure.InvalidK2PropertiesFailureAnalyzer;
import io.k2connect.autoconfigure.K2AutoConfiguration;
import io.k2connect.autoconfigure.webhook.jdbc.JdbcK2DeliveryRegistry;
import io.k2connect.autoconfigure.webhook.jdbc.K2DeliverySchemaInitializer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class K2DeliveryStoreAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(K2AutoConfiguration.class, K2WebhookAutoConfiguration.class,
				DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class))
		.withPropertyValues("k2.client-id=id", "k2.client-secret=secret", "k2.api-key=key");

	private final WebApplicationContextRunner withoutDataSource = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(K2AutoConfiguration.class, K2WebhookAutoConfiguration.class))
		.withPropertyValues("k2.client-id=id", "k2.client-secret=secret", "k2.api-key=key");

	@Test
	void autoUsesTheApplicationsDataSource(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(JdbcK2DeliveryRegistry.class)
				.hasSingleBean(K2DeliverySchemaInitializer.class)
				.doesNotHaveBean(InMemoryK2DeliveryRegistry.class);
			assertThat(rows(context.getBean(DataSource.class), "K2_DELIVERY")).isZero();
			assertThat(output).contains("K2 deliveries are recorded in table K2_DELIVERY of the application's"
					+ " DataSource (k2.webhook.delivery-store=auto and the application has a DataSource)");
		});
	}

	@Test
	void theEndpointUsesTheJdbcStore() {
		this.contextRunner.run((context) -> {
			K2DeliveryRegistry registry = context.getBean(K2DeliveryRegistry.class);
			registry.begin("a");
			registry.complete("a");
			assertThat(rows(context.getBean(DataSource.class), "K2_DELIVERY")).isOne();
		});
	}

	@Test
	void autoWithoutADataSourceUsesMemory(CapturedOutput output) {
		this.withoutDataSource.run((context) -> {
			assertThat(context).hasSingleBean(InMemoryK2DeliveryRegistry.class)
				.doesNotHaveBean(JdbcK2DeliveryRegistry.class)
				.doesNotHaveBean(K2DeliverySchemaInitializer.class);
			assertThat(output).contains("K2 deliveries are remembered in memory (the application has no DataSource)");
		});
	}

	@Test
	void autoWithTwoDataSourcesUsesMemory(CapturedOutput output) {
		this.withoutDataSource.withUserConfiguration(TwoDataSources.class).run((context) -> {
			assertThat(context).hasSingleBean(InMemoryK2DeliveryRegistry.class);
			assertThat(output).contains("(the application has 2 DataSources and none is primary)");
		});
	}

	@Test
	void autoWithAPrimaryOfTwoDataSourcesUsesIt() {
		this.withoutDataSource.withUserConfiguration(TwoDataSources.class, PrimaryDataSource.class)
			.run((context) -> assertThat(context).hasSingleBean(JdbcK2DeliveryRegistry.class));
	}

	@Test
	void autoWithoutSpringJdbcUsesMemory(CapturedOutput output) {
		this.withoutDataSource.withUserConfiguration(OneDataSource.class)
			.withClassLoader(new FilteredClassLoader(JdbcClient.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(InMemoryK2DeliveryRegistry.class);
				assertThat(output).contains("(spring-boot-jdbc is not on the class path)");
			});
	}

	@Test
	void memoryIsUsedWhenAskedForEvenWithADataSource(CapturedOutput output) {
		this.contextRunner.withPropertyValues("k2.webhook.delivery-store=memory").run((context) -> {
			assertThat(context).hasSingleBean(InMemoryK2DeliveryRegistry.class)
				.doesNotHaveBean(K2DeliverySchemaInitializer.class);
			assertThat(output).contains("K2 deliveries are remembered in memory (k2.webhook.delivery-store=memory)");
		});
	}

	@Test
	void jdbcIsUsedWhenAskedFor(CapturedOutput output) {
		this.contextRunner.withPropertyValues("k2.webhook.delivery-store=jdbc").run((context) -> {
			assertThat(context).hasSingleBean(JdbcK2DeliveryRegistry.class);
			assertThat(output).contains("of the application's DataSource (k2.webhook.delivery-store=jdbc)");
		});
	}

	@Test
	void jdbcWithoutADataSourceFailsNamingTheProperty() {
		this.withoutDataSource.withPropertyValues("k2.webhook.delivery-store=jdbc").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InvalidK2PropertiesFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription())
				.contains("Property 'k2.webhook.delivery-store' is jdbc, but the application has no DataSource");
			assertThat(analysis.getAction()).contains("k2.webhook.delivery-store=memory");
		});
	}

	@Test
	void jdbcWithTwoDataSourcesFailsNamingTheProperty() {
		this.withoutDataSource.withUserConfiguration(TwoDataSources.class)
			.withPropertyValues("k2.webhook.delivery-store=jdbc")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("k2.webhook.delivery-store is jdbc, but the application has 2 DataSources"));
	}

	@Test
	void theApplicationsOwnRegistryWins() {
		this.contextRunner.withUserConfiguration(OwnRegistry.class)
			.withPropertyValues("k2.webhook.delivery-store=jdbc")
			.run((context) -> {
				assertThat(context).hasSingleBean(K2DeliveryRegistry.class)
					.doesNotHaveBean(JdbcK2DeliveryRegistry.class)
					.doesNotHaveBean(K2DeliverySchemaInitializer.class);
				assertThat(context.getBean(K2DeliveryRegistry.class)).isSameAs(context.getBean("ownRegistry"));
			});
	}

	@Test
	void theTableNameAndTimesAreConfigurable() {
		this.contextRunner
			.withPropertyValues("k2.webhook.jdbc.table-name=MY_DELIVERIES", "k2.webhook.jdbc.lease=30s",
					"k2.webhook.jdbc.retention=2h")
			.run((context) -> {
				JdbcK2DeliveryRegistry registry = context.getBean(JdbcK2DeliveryRegistry.class);
				assertThat(registry.getTableName()).isEqualTo("MY_DELIVERIES");
				assertThat(registry).hasToString("JdbcK2DeliveryRegistry[tableName=MY_DELIVERIES, lease="
						+ Duration.ofSeconds(30) + ", retention=" + Duration.ofHours(2) + "]");
				assertThat(rows(context.getBean(DataSource.class), "MY_DELIVERIES")).isZero();
			});
	}

	@Test
	void aTableNameThatIsNotAnIdentifierFailsStartUp() {
		this.contextRunner.withPropertyValues("k2.webhook.jdbc.table-name=K2; DROP TABLE X")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("tableName must be a plain SQL identifier"));
	}

	@Test
	void initializeSchemaNeverCreatesNoTable() {
		this.contextRunner.withPropertyValues("k2.webhook.jdbc.initialize-schema=never").run((context) -> {
			assertThat(context).hasSingleBean(JdbcK2DeliveryRegistry.class);
			assertThat(tableCount(context.getBean(DataSource.class), "K2_DELIVERY")).isZero();
		});
	}

	@Test
	void theRegistryRunsItsPurgeAndRenewalWithTheContext() {
		this.contextRunner.run((context) -> {
			JdbcK2DeliveryRegistry registry = context.getBean(JdbcK2DeliveryRegistry.class);
			assertThat(registry.isRunning()).isTrue();
			context.close();
			assertThat(registry.isRunning()).isFalse();
		});
	}

	private static long rows(DataSource dataSource, String table) {
		return JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	private static long tableCount(DataSource dataSource, String table) {
		return JdbcClient.create(dataSource)
			.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = ?")
			.param(table)
			.query(Long.class)
			.single();
	}

	private static DataSource h2(String name) {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
		return dataSource;
	}

	@Configuration(proxyBeanMethods = false)
	static class OneDataSource {

		@Bean
		DataSource dataSource() {
			return h2("one");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDataSources {

		@Bean
		DataSource first() {
			return h2("first");
		}

		@Bean
		DataSource second() {
			return h2("second");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PrimaryDataSource {

		@Bean
		@Primary
		DataSource primary() {
			return h2("primary");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRegistry {

		@Bean
		K2DeliveryRegistry ownRegistry() {
			return new InMemoryK2DeliveryRegistry();
		}

	}

}
