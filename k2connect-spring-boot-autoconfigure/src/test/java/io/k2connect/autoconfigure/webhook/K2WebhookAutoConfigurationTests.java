package io.k2connect.autoconfigure.webhook;

import io.k2connect.autoconfigure.InvalidK2PropertiesFailureAnalyzer;
import io.k2connect.autoconfigure.K2AutoConfiguration;
import io.k2connect.event.K2PayloadParser;
import io.k2connect.webhook.K2ResultProcessor;
import io.k2connect.webhook.K2SignatureVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

class K2WebhookAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(K2AutoConfiguration.class,
			K2WebhookAutoConfiguration.class);

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withPropertyValues("k2.client-id=id", "k2.client-secret=secret");

	@Test
	void registersTheEndpointInServletAppsWithAnApiKey() {
		this.contextRunner.withPropertyValues("k2.api-key=key").run((context) -> {
			assertThat(context).hasSingleBean(K2WebhookController.class)
				.hasSingleBean(K2DeliveryRegistry.class)
				.hasSingleBean(K2ResultProcessor.class)
				.doesNotHaveBean(K2SignatureVerifier.class);
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("k2.webhook.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(K2WebhookController.class));
	}

	@Test
	void backsOffInNonWebApps() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("k2.client-id=id", "k2.client-secret=secret")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(K2WebhookController.class));
	}

	@Test
	void backsOffWithoutSpringMvc() {
		this.contextRunner.withPropertyValues("k2.api-key=key")
			.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(K2WebhookController.class));
	}

	@Test
	void backsOffWithoutClientId() {
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("k2.api-key=key")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(K2WebhookController.class));
	}

	@Test
	void missingApiKeyFailsNamingTheProperty() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InvalidK2PropertiesFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("k2.api-key");
			assertThat(analysis.getAction()).contains("k2.webhook.enabled=false");
		});
	}

	@Test
	void blankApiKeyFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("k2.api-key=").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InvalidK2PropertiesFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("k2.api-key");
		});
	}

	@Test
	void userRegistryWins() {
		K2DeliveryRegistry own = new InMemoryK2DeliveryRegistry();
		this.contextRunner.withPropertyValues("k2.api-key=key")
			.withBean("ownRegistry", K2DeliveryRegistry.class, () -> own)
			.run((context) -> {
				assertThat(context).hasSingleBean(K2DeliveryRegistry.class);
				assertThat(context.getBean(K2DeliveryRegistry.class)).isSameAs(own);
			});
	}

	@Test
	void userResultProcessorWinsAndStandsInForTheApiKey() {
		K2ResultProcessor own = new K2ResultProcessor(new K2SignatureVerifier("own-key"), new K2PayloadParser());
		this.contextRunner.withBean(K2ResultProcessor.class, () -> own).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(K2WebhookController.class);
			assertThat(context.getBean(K2ResultProcessor.class)).isSameAs(own);
		});
	}

	@Test
	void userControllerWins() {
		this.contextRunner.withPropertyValues("k2.api-key=key")
			.withBean("ownController", K2WebhookController.class,
					() -> new K2WebhookController(
							new K2ResultProcessor(new K2SignatureVerifier("k"), new K2PayloadParser()),
							new InMemoryK2DeliveryRegistry(), (event) -> {
							}, 10))
			.run((context) -> {
				assertThat(context).hasSingleBean(K2WebhookController.class).hasBean("ownController");
				Object handler = context.getBean(SimpleUrlHandlerMapping.class).getUrlMap().get("/k2/webhooks");
				assertThat(handler).isSameAs(context.getBean("ownController"));
			});
	}

	@Test
	void mapsTheEndpointAtItsPathAheadOfTheApplicationsControllers() {
		this.contextRunner.withPropertyValues("k2.api-key=key", "k2.webhook.path=/payments/k2").run((context) -> {
			SimpleUrlHandlerMapping mapping = context.getBean("k2WebhookHandlerMapping", SimpleUrlHandlerMapping.class);
			assertThat(mapping.getUrlMap()).containsOnlyKeys("/payments/k2");
			assertThat(mapping.getUrlMap().get("/payments/k2")).isSameAs(context.getBean(K2WebhookController.class));
			// Spring MVC maps functional routes at -1, annotated controllers at 0.
			assertThat(mapping.getOrder()).isEqualTo(-2);
		});
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void warnsAboutAnApplicationControllerTheEndpointHides(CapturedOutput output) {
		this.contextRunner.withPropertyValues("k2.api-key=key", "k2.webhook.path=/payments/k2")
			.withBean(RequestMappingHandlerMapping.class)
			.withBean(HidingController.class)
			.withBean(OtherController.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("HidingController#take()")
					.contains("is mapped at /payments/k2, the K2 webhook endpoint's path")
					.doesNotContain("OtherController");
			});
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void warnsAboutFunctionalRoutesTheEndpointHides(CapturedOutput output) {
		this.contextRunner.withPropertyValues("k2.api-key=key", "k2.webhook.path=/payments/k2")
			.withBean(RouterFunctionMapping.class)
			.withUserConfiguration(Routes.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output)
					.contains("The functional route (POST && /payments/k2) is mapped at /payments/k2, "
							+ "the K2 webhook endpoint's path")
					.contains("The functional route (GET && /k2) (nested in /payments) is mapped at /payments/k2")
					.doesNotContain("/payments/other");
				// Neither the pattern that also matches other paths nor the negated path.
				assertThat(output.getOut().split("is mapped at /payments/k2", -1)).hasSize(3);
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "k2/webhooks", "/", "/*", "/**", "/k2/{kind}", "/k2/webhook?" })
	void pathThatIsNotAPlainPathFailsNamingTheProperty(String path) {
		this.contextRunner.withPropertyValues("k2.api-key=key", "k2.webhook.path=" + path).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InvalidK2PropertiesFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("k2.webhook.path").contains("'" + path + "'");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class Routes {

		private static final HandlerFunction<ServerResponse> OK = (request) -> ServerResponse.ok().build();

		@Bean
		RouterFunction<ServerResponse> hidingRoute() {
			return RouterFunctions.route().POST("/payments/k2", OK).build();
		}

		@Bean
		RouterFunction<ServerResponse> nestedHidingRoute() {
			return RouterFunctions.route().path("/payments", (nested) -> nested.GET("/k2", OK)).build();
		}

		@Bean
		RouterFunction<ServerResponse> otherRoutes() {
			return RouterFunctions.route()
				.POST("/payments/other", OK)
				.POST("/payments/{id}", OK)
				.route(RequestPredicates.path("/payments/k2").negate(), OK)
				.build();
		}

	}

	@RestController
	static class HidingController {

		@PostMapping("/payments/k2")
		String take() {
			return "hidden";
		}

	}

	@RestController
	static class OtherController {

		@PostMapping("/payments/other")
		String take() {
			return "seen";
		}

	}

}
