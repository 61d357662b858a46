package io.k2connect.autoconfigure.webhook;

import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Warns at start-up about application controller methods mapped at
 * {@code k2.webhook.path}: the endpoint's handler mapping comes first, so they never see
 * a request there (as an annotated controller the endpoint made such a clash fail
 * start-up as an ambiguous mapping).
 */
final class ShadowedMappings implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(ShadowedMappings.class);

	private final String path;

	private final ListableBeanFactory beans;

	ShadowedMappings(String path, ListableBeanFactory beans) {
		this.path = Objects.requireNonNull(path, "path must not be null");
		this.beans = Objects.requireNonNull(beans, "beans must not be null");
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (RequestMappingInfoHandlerMapping mapping : this.beans
			.getBeansOfType(RequestMappingInfoHandlerMapping.class, false, false)
			.values()) {
			mapping.getHandlerMethods().forEach((info, method) -> {
				if (info.getDirectPaths().contains(this.path) || info.getPatternValues().contains(this.path)) {
					logger.warn(method + " is mapped at " + this.path + ", the K2 webhook endpoint's path "
							+ "(k2.webhook.path): the endpoint takes every request there first, so it never runs");
				}
			});
		}
	}

}
