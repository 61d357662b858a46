package io.k2connect.event;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * Webhook topic {@code customer_created}: a new customer paid the merchant for the first
 * time (docs/k2-webhooks.md §3.7). The resource has no id; {@code links().resource()}
 * points at the {@code mobile_money_user}.
 *
 * @param id {@code id}, the webhook event id
 * @param topic {@code topic}
 * @param createdAt {@code created_at}
 * @param eventType {@code event.type} ({@code Customer Created})
 * @param firstName {@code event.resource.first_name}
 * @param middleName {@code event.resource.middle_name}
 * @param lastName {@code event.resource.last_name}
 * @param phoneNumber {@code event.resource.phone_number}
 * @param links {@code _links}
 */
public record CustomerCreated(@Nullable String id, @Nullable String topic, @Nullable OffsetDateTime createdAt,
		@Nullable String eventType, @Nullable String firstName, @Nullable String middleName, @Nullable String lastName,
		@Nullable String phoneNumber, @Nullable EventLinks links) implements K2Event {

	/** The K2 topic of this record. */
	public static final String TOPIC = "customer_created";

}
