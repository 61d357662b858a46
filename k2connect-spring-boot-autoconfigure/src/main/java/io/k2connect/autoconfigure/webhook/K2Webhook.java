package io.k2connect.autoconfigure.webhook;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Marks the controller that receives K2's signed webhooks and callbacks: a
 * {@link RestController} mapped at {@code ${k2.webhook.path}} (default
 * {@code /k2/webhooks}).
 *
 * <p>
 * The library's {@link K2WebhookController} carries it and is registered as a bean by
 * {@link K2WebhookAutoConfiguration}, the way Boot registers its
 * {@code BasicErrorController}: applications are not meant to component-scan
 * {@code io.k2connect.autoconfigure}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RestController
@RequestMapping("${k2.webhook.path:/k2/webhooks}")
public @interface K2Webhook {

}
