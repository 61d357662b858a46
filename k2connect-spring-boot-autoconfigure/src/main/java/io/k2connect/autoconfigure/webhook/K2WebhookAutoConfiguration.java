package io.k2connect.autoconfigure.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.k2connect.autoconfigure.ConditionalOnK2Configured;
import io.k2connect.autoconfigure.InvalidK2PropertiesException;
import io.k2connect.autoconfigure.InvalidK2PropertiesException.Problem;
import io.k2connect.autoconfigure.K2AutoConfiguration;
import io.k2connect.autoconfigure.K2Properties;
import io.k2connect.autoconfigure.observation.K2DeliveryObservationConvention;
import io.k2connect.webhook.K2ResultProcessor;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * Registers the {@link K2WebhookController} in servlet web applications that configure K2
 * ({@code k2.client-id}), unless {@code k2.webhook.enabled=false}. The endpoint needs the
 * API key to check signatures: without {@code k2.api-key} (or a {@link K2ResultProcessor}
 * bean) start-up fails and says so, rather than running an endpoint that rejects
 * everything.
 *
 * <p>
 * Deliveries are remembered in the {@link K2DeliveryRegistry} that
 * {@code k2.webhook.delivery-store} selects: by default a table of the application's
 * DataSource when it has exactly one ({@code JdbcK2DeliveryRegistry}), memory otherwise;
 * a registry bean of the application's own wins. With {@code k2.webhook.processing=async}
 * the endpoint stores deliveries in the {@link K2Inbox}, which dispatches them to the
 * listeners after the answer. Unless {@code k2.recovery.enabled=false}, results whose
 * callback does not come in time are fetched by the {@link K2ResultRecovery}; with
 * {@code k2.reconciliation.enabled=true}, till payments whose webhook did not come are
 * recovered by the {@link K2Reconciliation}.
 */
@AutoConfiguration(after = K2AutoConfiguration.class,
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
				"org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
				"org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnK2Configured
@ConditionalOnBooleanProperty(name = "k2.webhook.enabled", matchIfMissing = true)
@Import({ K2DeliveryStoreConfigurations.Jdbc.class, K2DeliveryStoreConfigurations.Memory.class,
		K2InboxConfigurations.Threads.class, K2InboxConfigurations.Transactional.class,
		K2InboxConfigurations.WithoutTransactions.class, K2InboxConfigurations.Async.class,
		K2RecoveryConfiguration.class, K2ReconciliationConfiguration.class })
public final class K2WebhookAutoConfiguration {

	/**
	 * The order of the endpoint's handler mapping: ahead of the application's functional
	 * routes (order -1) and annotated controllers (order 0), behind the actuator's
	 * endpoints (order -100), so that the endpoint owns {@code k2.webhook.path}.
	 */
	static final int HANDLER_MAPPING_ORDER = -2;

	@Bean
	@ConditionalOnMissingBean
	K2WebhookController k2WebhookController(K2Properties properties, K2ResultProcessor processor,
			K2DeliveryRegistry registry, ApplicationEventPublisher publisher, ObjectProvider<K2Inbox> inbox,
			ObjectProvider<K2OutstandingResults> outstanding, DeliveryObservations observations) {
		return new K2WebhookController(processor, registry, publisher,
				properties.getWebhook().getMaxBodySize().toBytes(), inbox.getIfAvailable(), outstanding.getIfUnique(),
				observations);
	}

	/**
	 * Serves the endpoint at {@code k2.webhook.path} through the
	 * {@code DispatcherServlet} (see {@link K2WebhookController} for why it is not an
	 * annotated controller).
	 */
	@Bean
	SimpleUrlHandlerMapping k2WebhookHandlerMapping(K2Properties properties, K2WebhookController controller) {
		String path = properties.getWebhook().getPath();
		List<Problem> problems = new ArrayList<>();
		PropertyChecks.plainPath(problems, "k2.webhook.path", path, "/k2/webhooks");
		if (!problems.isEmpty()) {
			throw new InvalidK2PropertiesException(problems);
		}
		return new SimpleUrlHandlerMapping(Map.of(path, controller), HANDLER_MAPPING_ORDER);
	}

	/**
	 * Warns about application controller methods and functional routes the endpoint's
	 * path hides.
	 */
	@Bean
	ShadowedMappings k2WebhookShadowedMappings(K2Properties properties, ListableBeanFactory beans) {
		return new ShadowedMappings(properties.getWebhook().getPath(), beans);
	}

	/**
	 * Observes every delivery with the application's {@link ObservationRegistry} (none
	 * without one) and its {@link K2DeliveryObservationConvention}, if it has one.
	 */
	@Bean
	DeliveryObservations k2DeliveryObservations(ObjectProvider<ObservationRegistry> registry,
			ObjectProvider<K2DeliveryObservationConvention> convention) {
		return DeliveryObservations.of(registry.getIfUnique(), convention.getIfUnique());
	}

}
