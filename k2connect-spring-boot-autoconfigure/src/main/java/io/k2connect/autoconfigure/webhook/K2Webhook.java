package io.k2connect.autoconfigure.webhook;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the endpoint that receives K2's signed webhooks and callbacks at
 * {@code ${k2.webhook.path}} (default {@code /k2/webhooks}), so that tools and tests can
 * find it ({@code context.getBeansWithAnnotation(K2Webhook.class)}).
 *
 * <p>
 * The library's {@link K2WebhookController} carries it.
 * {@link K2WebhookAutoConfiguration} registers it as a bean and maps it at the path with
 * a handler mapping of its own, the way Boot registers its {@code BasicErrorController}:
 * applications are not meant to component-scan {@code io.k2connect.autoconfigure}, and
 * the annotation maps nothing by itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface K2Webhook {

}
