package io.k2connect.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConfigurationCondition;

/**
 * Matches when the application uses K2: {@code k2.client-id} is set, or a
 * {@link K2ConnectionDetails} bean (such as the embedded simulator's) exists. Everything
 * else of k2connect stays silent until then.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ConditionalOnK2Configured.OnK2ConfiguredCondition.class)
public @interface ConditionalOnK2Configured {

	final class OnK2ConfiguredCondition extends AnyNestedCondition {

		OnK2ConfiguredCondition() {
			super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(prefix = "k2", name = "client-id")
		static final class ClientIdSet {

		}

		@ConditionalOnBean(K2ConnectionDetails.class)
		static final class ConnectionDetailsBean {

		}

	}

}
