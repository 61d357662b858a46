package io.k2connect.starter;

import io.k2connect.K2Client;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an application gets from the starter alone, with nothing else on its class path.
 */
class K2StarterTests {

	@Test
	void bringsNeitherSpringMvcNorAServletContainer() {
		ClassLoader classLoader = getClass().getClassLoader();

		assertThat(ClassUtils.isPresent("org.springframework.web.servlet.DispatcherServlet", classLoader)).isFalse();
		assertThat(ClassUtils.isPresent("jakarta.servlet.Servlet", classLoader)).isFalse();
	}

	@Test
	void autoConfiguresTheClientFromProperties() {
		new ApplicationContextRunner().withUserConfiguration(AllAutoConfigurations.class)
			.withPropertyValues("k2.client-id=id", "k2.client-secret=secret")
			.run((context) -> {
				assertThat(context).hasSingleBean(K2Client.class);
				assertThat(context).doesNotHaveBean("k2WebhookController");
			});
	}

	@EnableAutoConfiguration
	static class AllAutoConfigurations {

	}

}
