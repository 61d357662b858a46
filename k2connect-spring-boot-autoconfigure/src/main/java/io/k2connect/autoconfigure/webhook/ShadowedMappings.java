package io.k2connect.autoconfigure.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Warns at start-up about application controller methods and functional routes mapped at
 * {@code k2.webhook.path}: the endpoint's handler mapping comes first, so they never see
 * a request there (as an annotated controller the endpoint made such a clash fail
 * start-up as an ambiguous mapping). Like the clash it replaces, only a mapping at
 * exactly that path counts: a pattern that also matches other paths is not hidden.
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
					warn(method.toString());
				}
			});
		}
		for (RouterFunctionMapping mapping : this.beans.getBeansOfType(RouterFunctionMapping.class, false, false)
			.values()) {
			RouterFunction<?> routes = mapping.getRouterFunction();
			if (routes != null) {
				RoutesAtPath atPath = new RoutesAtPath(this.path);
				// Spring MVC walks the same routes when it builds the mapping, so a walk
				// that fails has already failed start-up.
				routes.accept(atPath);
				atPath.found.forEach((route) -> warn("The functional route " + route));
			}
		}
	}

	private void warn(String mapping) {
		logger.warn(mapping + " is mapped at " + this.path + ", the K2 webhook endpoint's path "
				+ "(k2.webhook.path): the endpoint takes every request there first, so it never runs");
	}

	/**
	 * Walks a router function and keeps the routes whose path, joined to the paths of the
	 * routes they are nested in, is the endpoint's path.
	 */
	private static final class RoutesAtPath implements RouterFunctions.Visitor {

		private final String path;

		/** The enclosing nests, outermost first. */
		private final List<Nest> nests = new ArrayList<>();

		private final List<String> found = new ArrayList<>();

		RoutesAtPath(String path) {
			this.path = path;
		}

		@Override
		public void startNested(RequestPredicate predicate) {
			this.nests.add(new Nest(predicate, join(predicate)));
		}

		@Override
		public void endNested(RequestPredicate predicate) {
			this.nests.remove(this.nests.size() - 1);
		}

		@Override
		public void route(RequestPredicate predicate, HandlerFunction<?> handler) {
			if (join(predicate).stream().anyMatch((pattern) -> pattern.getPatternString().equals(this.path))) {
				this.found.add(this.nests.isEmpty() ? predicate.toString() : predicate + " (nested in "
						+ String.join(", ", this.nests.stream().map((nest) -> nest.predicate().toString()).toList())
						+ ")");
			}
		}

		@Override
		public void resources(Function<ServerRequest, Optional<Resource>> lookup) {
		}

		@Override
		public void attributes(Map<String, Object> attributes) {
		}

		@Override
		public void unknown(RouterFunction<?> routerFunction) {
		}

		/**
		 * The paths a predicate matches, each joined to the enclosing nests' paths; the
		 * enclosing paths alone when the predicate names none.
		 */
		private List<PathPattern> join(RequestPredicate predicate) {
			List<PathPattern> outer = this.nests.isEmpty() ? List.of() : this.nests.get(this.nests.size() - 1).paths();
			PathsOf paths = new PathsOf();
			predicate.accept(paths);
			if (paths.patterns.isEmpty()) {
				return outer;
			}
			if (outer.isEmpty()) {
				return paths.patterns;
			}
			List<PathPattern> joined = new ArrayList<>();
			for (PathPattern prefix : outer) {
				paths.patterns.forEach((inner) -> joined.add(prefix.combine(inner)));
			}
			return joined;
		}

	}

	/**
	 * A nest of routes: its predicate, and the paths it matches joined to those of the
	 * nests around it.
	 */
	private record Nest(RequestPredicate predicate, List<PathPattern> paths) {
	}

	/** The path patterns a request predicate requires, leaving out negated ones. */
	private static final class PathsOf implements RequestPredicates.Visitor {

		private final List<PathPattern> patterns = new ArrayList<>();

		private int negations;

		@Override
		public void path(String pattern) {
			if (this.negations == 0) {
				this.patterns.add(PathPatternParser.defaultInstance.parse(pattern));
			}
		}

		@Override
		public void startNegate() {
			this.negations++;
		}

		@Override
		public void endNegate() {
			this.negations--;
		}

		@Override
		public void method(Set<HttpMethod> methods) {
		}

		@Override
		public void pathExtension(String extension) {
		}

		@Override
		public void header(String name, String value) {
		}

		@Override
		public void param(String name, String value) {
		}

		@Override
		public void version(String version) {
		}

		@Override
		public void startAnd() {
		}

		@Override
		public void and() {
		}

		@Override
		public void endAnd() {
		}

		@Override
		public void startOr() {
		}

		@Override
		public void or() {
		}

		@Override
		public void endOr() {
		}

		@Override
		public void unknown(RequestPredicate predicate) {
		}

	}

}
