package io.k2connect.autoconfigure.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.k2connect.autoconfigure.InvalidK2PropertiesException;
import io.k2connect.autoconfigure.InvalidK2PropertiesException.Problem;
import io.k2connect.autoconfigure.K2Properties;
import io.k2connect.webhook.K2ResultProcessor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.task.SimpleAsyncTaskExecutorBuilder;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.boot.thread.Threading;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link K2Inbox} of {@code k2.webhook.processing=async}, imported by
 * {@link K2WebhookAutoConfiguration}. Its listeners run in a transaction of the
 * application's transaction manager when it has exactly one (spring-tx on the class path
 * or not: two variants), and on threads built with Boot's own task builders, so that
 * {@code spring.task.*} settings, task decorators and
 * {@code spring.threads.virtual.enabled} apply.
 */
final class K2InboxConfigurations {

	private static final Log logger = LogFactory.getLog(K2InboxConfigurations.class);

	private static final String TRANSACTION_MANAGER = "org.springframework.transaction.PlatformTransactionManager";

	private K2InboxConfigurations() {
	}

	/** Listeners in a transaction of the application's transaction manager, if unique. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = TRANSACTION_MANAGER)
	static class Transactional {

		@Bean
		ListenerTransactions k2ListenerTransactions(ObjectProvider<PlatformTransactionManager> transactionManagers) {
			PlatformTransactionManager transactionManager = transactionManagers.getIfUnique();
			if (transactionManager == null) {
				return ListenerTransactions.NONE;
			}
			TransactionTemplate template = new TransactionTemplate(transactionManager);
			return new ListenerTransactions((work) -> template.executeWithoutResult((status) -> work.run()));
		}

	}

	/** Without spring-tx: listeners run without a transaction. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(TRANSACTION_MANAGER)
	static class WithoutTransactions {

		@Bean
		ListenerTransactions k2ListenerTransactions() {
			return ListenerTransactions.NONE;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "k2.webhook.processing", havingValue = "async")
	static class Async {

		@Bean
		@ConditionalOnMissingBean
		K2Inbox k2Inbox(K2Properties properties, ObjectProvider<K2InboxStore> stores, K2DeliveryRegistry registry,
				K2ResultProcessor processor, ApplicationEventPublisher publisher, ListenerTransactions transactions,
				InboxThreadBuilders builders, DeliveryObservations observations) {
			return inbox(properties, store(stores, registry), processor, publisher, transactions, builders,
					observations);
		}

		/** The inbox's gauges, when Micrometer's metrics are on the class path. */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
		static class Metrics {

			@Bean
			@ConditionalOnMissingBean
			K2InboxMetrics k2InboxMetrics(K2Inbox inbox) {
				return new K2InboxMetrics(inbox);
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Threads {

		@Bean
		InboxThreadBuilders k2InboxThreadBuilders(ObjectProvider<ThreadPoolTaskExecutorBuilder> executors,
				ObjectProvider<SimpleAsyncTaskExecutorBuilder> virtualExecutors,
				ObjectProvider<ThreadPoolTaskSchedulerBuilder> schedulers, Environment environment) {
			return new InboxThreadBuilders(executors, virtualExecutors, schedulers, environment);
		}

	}

	/** A store bean of its own, or the delivery registry when it is one. */
	static K2InboxStore store(ObjectProvider<K2InboxStore> stores, K2DeliveryRegistry registry) {
		K2InboxStore store = stores.getIfUnique();
		if (store != null) {
			return store;
		}
		if (registry instanceof K2InboxStore registryStore) {
			return registryStore;
		}
		throw new InvalidK2PropertiesException(List.of(new Problem("k2.webhook.processing",
				"is async, but the K2DeliveryRegistry bean (" + registry.getClass().getName()
						+ ") does not implement K2InboxStore, so the inbox has nowhere to keep deliveries",
				"Define a K2InboxStore bean, let k2connect provide the registry (k2.webhook.delivery-store), or set"
						+ " k2.webhook.processing=sync")));
	}

	static K2Inbox inbox(K2Properties properties, K2InboxStore store, K2ResultProcessor processor,
			ApplicationEventPublisher publisher, ListenerTransactions transactions, InboxThreadBuilders builders,
			DeliveryObservations observations) {
		K2Inbox.Settings settings = settings(properties.getWebhook());
		logger.info("K2 deliveries are processed asynchronously (k2.webhook.processing=async): stored in " + store
				+ ", answered at once, then dispatched to listeners"
				+ (transactions.transactional() ? " in a transaction" : "") + ", up to " + settings.concurrency()
				+ " at a time");
		return new K2Inbox(store, processor, publisher, transactions, settings,
				builders.threads(settings.concurrency()), observations);
	}

	/** The settings, or every wrong property at once. */
	static K2Inbox.Settings settings(K2Properties.Webhook webhook) {
		List<Problem> problems = new ArrayList<>();
		K2Properties.Retry retry = webhook.getRetry();
		K2Properties.Inbox inbox = webhook.getInbox();
		PropertyChecks.atLeastOne(problems, "k2.webhook.retry.max-attempts", retry.getMaxAttempts());
		PropertyChecks.positive(problems, "k2.webhook.retry.initial-interval", retry.getInitialInterval(), "1s");
		PropertyChecks.positive(problems, "k2.webhook.retry.max-interval", retry.getMaxInterval(), "1s");
		if (!(retry.getMultiplier() >= 1 && retry.getMultiplier() <= 100)) {
			problems.add(new Problem("k2.webhook.retry.multiplier", "must be between 1 and 100",
					"Set it to 2 (the default) or another factor"));
		}
		PropertyChecks.atLeastOne(problems, "k2.webhook.inbox.concurrency", inbox.getConcurrency());
		PropertyChecks.positive(problems, "k2.webhook.inbox.poll-interval", inbox.getPollInterval(), "1s");
		if (inbox.getShutdownTimeout() == null || inbox.getShutdownTimeout().isNegative()) {
			problems.add(new Problem("k2.webhook.inbox.shutdown-timeout", "must not be negative",
					"Set it to a duration such as 30s"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidK2PropertiesException(problems);
		}
		Duration initial = retry.getInitialInterval();
		Duration max = (retry.getMaxInterval().compareTo(initial) < 0) ? initial : retry.getMaxInterval();
		return new K2Inbox.Settings(inbox.getConcurrency(), inbox.getPollInterval(), inbox.getShutdownTimeout(),
				new K2Inbox.Retry(retry.getMaxAttempts(), initial, max, retry.getMultiplier()));
	}

	/**
	 * Boot's task builders (defaults when the task auto-configurations are absent): the
	 * dispatchers are virtual threads when {@code spring.threads.virtual.enabled}, a pool
	 * of {@code concurrency} platform threads otherwise; polls run on one scheduler
	 * thread.
	 */
	static final class InboxThreadBuilders {

		private final ObjectProvider<ThreadPoolTaskExecutorBuilder> executors;

		private final ObjectProvider<SimpleAsyncTaskExecutorBuilder> virtualExecutors;

		private final ObjectProvider<ThreadPoolTaskSchedulerBuilder> schedulers;

		private final Environment environment;

		InboxThreadBuilders(ObjectProvider<ThreadPoolTaskExecutorBuilder> executors,
				ObjectProvider<SimpleAsyncTaskExecutorBuilder> virtualExecutors,
				ObjectProvider<ThreadPoolTaskSchedulerBuilder> schedulers, Environment environment) {
			this.executors = executors;
			this.virtualExecutors = virtualExecutors;
			this.schedulers = schedulers;
			this.environment = environment;
		}

		/** One daemon thread for periodic work. */
		ThreadPoolTaskScheduler scheduler(String threadNamePrefix) {
			ThreadPoolTaskScheduler scheduler = this.schedulers.getIfAvailable(ThreadPoolTaskSchedulerBuilder::new)
				.poolSize(1)
				.threadNamePrefix(threadNamePrefix)
				.build();
			scheduler.setDaemon(true);
			scheduler.initialize();
			return scheduler;
		}

		K2Inbox.Threads threads(int concurrency) {
			ThreadPoolTaskScheduler scheduler = scheduler("k2-inbox-poll-");
			AsyncTaskExecutor executor;
			Runnable closeExecutor;
			if (Threading.VIRTUAL.isActive(this.environment)) {
				SimpleAsyncTaskExecutor virtual = this.virtualExecutors
					.getIfAvailable(SimpleAsyncTaskExecutorBuilder::new)
					.virtualThreads(true)
					// The dispatchers run until the inbox stops: a limit below their
					// number (spring.task.execution.simple.concurrency-limit) would
					// block.
					.concurrencyLimit(-1)
					.threadNamePrefix("k2-inbox-")
					.build();
				executor = virtual;
				closeExecutor = virtual::close;
			}
			else {
				ThreadPoolTaskExecutor pool = this.executors.getIfAvailable(ThreadPoolTaskExecutorBuilder::new)
					.corePoolSize(concurrency)
					.maxPoolSize(concurrency)
					.threadNamePrefix("k2-inbox-")
					.build();
				pool.initialize();
				executor = pool;
				closeExecutor = pool::shutdown;
			}
			return new K2Inbox.Threads(executor, scheduler, () -> {
				scheduler.shutdown();
				closeExecutor.run();
			});
		}

	}

}
