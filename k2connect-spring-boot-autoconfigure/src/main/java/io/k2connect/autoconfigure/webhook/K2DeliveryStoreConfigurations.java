package io.k2connect.autoconfigure.webhook;

import java.util.List;

import javax.sql.DataSource;

import io.k2connect.autoconfigure.InvalidK2PropertiesException;
import io.k2connect.autoconfigure.K2Properties;
import io.k2connect.autoconfigure.K2Properties.DeliveryStore;
import io.k2connect.autoconfigure.webhook.jdbc.JdbcK2DeliveryRegistry;
import io.k2connect.autoconfigure.webhook.jdbc.JdbcK2ReconciliationStore;
import io.k2connect.autoconfigure.webhook.jdbc.K2DeliverySchemaInitializer;
import io.k2connect.autoconfigure.webhook.jdbc.K2WebhookJdbcProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.io.ResourceLoader;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.ClassUtils;

/**
 * The {@link K2DeliveryRegistry} that {@code k2.webhook.delivery-store} selects, imported
 * by {@link K2WebhookAutoConfiguration} in this order: the JDBC store first, memory when
 * it did not apply. A registry bean of the application's own wins over both.
 */
final class K2DeliveryStoreConfigurations {

	private static final Log logger = LogFactory.getLog(K2DeliveryStoreConfigurations.class);

	private static final String PROPERTY = "k2.webhook.delivery-store";

	private static final String JDBC_CLIENT = "org.springframework.jdbc.core.simple.JdbcClient";

	private static final String SCRIPT_INITIALIZER = "org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer";

	private K2DeliveryStoreConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { JDBC_CLIENT, SCRIPT_INITIALIZER })
	@ConditionalOnMissingBean(K2DeliveryRegistry.class)
	@ConditionalOnSingleCandidate(DataSource.class)
	@Conditional(JdbcOrAuto.class)
	@EnableConfigurationProperties(K2WebhookJdbcProperties.class)
	@Import(DatabaseInitializationDependencyConfigurer.class)
	@ImportRuntimeHints(SchemaScripts.class)
	static class Jdbc {

		@Bean
		@ConditionalOnMissingBean
		K2DeliverySchemaInitializer k2DeliverySchemaInitializer(DataSource dataSource,
				K2WebhookJdbcProperties properties) {
			return new K2DeliverySchemaInitializer(dataSource, properties);
		}

		@Bean
		@DependsOnDatabaseInitialization
		JdbcK2DeliveryRegistry k2DeliveryRegistry(DataSource dataSource, K2WebhookJdbcProperties properties,
				K2Properties k2, ObjectProvider<PlatformTransactionManager> transactionManager) {
			JdbcK2DeliveryRegistry registry = JdbcK2DeliveryRegistry.builder(dataSource)
				.transactionManager(transactionManager.getIfUnique())
				.tableName(properties.getTableName())
				.lease(properties.getLease())
				.retention(properties.getRetention())
				.purgeInterval(properties.getPurgeInterval())
				.build();
			String why = (k2.getWebhook().getDeliveryStore() == DeliveryStore.JDBC) ? PROPERTY + "=jdbc"
					: PROPERTY + "=auto and the application has a DataSource";
			logger.info("K2 deliveries are recorded in table " + registry.getTableName()
					+ " of the application's DataSource (" + why + "): repeats are recognised across restarts and"
					+ " by every instance sharing the database");
			return registry;
		}

		@Bean
		@ConditionalOnMissingBean(K2ReconciliationStore.class)
		@ConditionalOnBooleanProperty(name = "k2.reconciliation.enabled")
		@DependsOnDatabaseInitialization
		JdbcK2ReconciliationStore k2ReconciliationStore(DataSource dataSource, K2WebhookJdbcProperties properties,
				ObjectProvider<PlatformTransactionManager> transactionManager) {
			return new JdbcK2ReconciliationStore(dataSource, properties.getTableName(),
					transactionManager.getIfUnique());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(K2DeliveryRegistry.class)
	static class Memory {

		@Bean
		InMemoryK2DeliveryRegistry k2DeliveryRegistry(K2Properties k2, ObjectProvider<DataSource> dataSources,
				ResourceLoader resourceLoader) {
			DeliveryStore store = k2.getWebhook().getDeliveryStore();
			String why = (store == DeliveryStore.MEMORY) ? PROPERTY + "=memory"
					: whyNotJdbc(dataSources, resourceLoader.getClassLoader());
			if (store == DeliveryStore.JDBC) {
				throw new InvalidK2PropertiesException(
						List.of(new InvalidK2PropertiesException.Problem(PROPERTY, "is jdbc, but " + why,
								"Give the application one DataSource (or mark one @Primary) and spring-boot-jdbc, set "
										+ PROPERTY + "=memory, or define a K2DeliveryRegistry bean")));
			}
			int capacity = k2.getWebhook().getInbox().getCapacity();
			if (capacity < 1) {
				throw new InvalidK2PropertiesException(
						List.of(new InvalidK2PropertiesException.Problem("k2.webhook.inbox.capacity",
								"must be at least 1 (was " + capacity + ")", "Set it to 1 or more (default 10000)")));
			}
			boolean async = k2.getWebhook().getProcessing() == K2Properties.Processing.ASYNC;
			logger.info("K2 deliveries are remembered in memory (" + why
					+ "): repeats are recognised by this instance until it stops"
					+ (async ? ", and deliveries not yet processed are lost if it stops" : "") + "; see " + PROPERTY);
			return new InMemoryK2DeliveryRegistry(InMemoryK2DeliveryRegistry.DEFAULT_MAX_ENTRIES,
					InMemoryK2DeliveryRegistry.DEFAULT_RETENTION, capacity);
		}

		private static String whyNotJdbc(ObjectProvider<DataSource> dataSources, @Nullable ClassLoader classLoader) {
			long count = dataSources.stream().count();
			if (count == 0) {
				return "the application has no DataSource";
			}
			if (dataSources.getIfUnique() == null) {
				return "the application has " + count + " DataSources and none is primary";
			}
			if (!ClassUtils.isPresent(JDBC_CLIENT, classLoader)
					|| !ClassUtils.isPresent(SCRIPT_INITIALIZER, classLoader)) {
				return "spring-boot-jdbc is not on the class path";
			}
			return "the JDBC store did not apply";
		}

	}

	/**
	 * The delivery table's schema scripts, read from the class path at start-up
	 * ({@code k2.webhook.jdbc.initialize-schema}): resources a native image must hold.
	 */
	static final class SchemaScripts implements RuntimeHintsRegistrar {

		@Override
		public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
			hints.resources().registerPattern("io/k2connect/autoconfigure/webhook/jdbc/schema-*.sql");
		}

	}

	/** {@code k2.webhook.delivery-store} is {@code jdbc}, {@code auto} or not set. */
	static final class JdbcOrAuto extends AnyNestedCondition {

		JdbcOrAuto() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(name = PROPERTY, havingValue = "jdbc")
		static final class Jdbc {

		}

		@ConditionalOnProperty(name = PROPERTY, havingValue = "auto", matchIfMissing = true)
		static final class Auto {

		}

	}

}
