package io.k2connect.internal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/** Writes timestamps the way K2 writes them: ISO-8601 with seconds and a numeric offset. */
public final class Timestamps {

	// Not ISO_OFFSET_DATE_TIME: that drops ":00" seconds and writes UTC as "Z", while K2's own
	// documents always show seconds and an offset such as "+03:00". The fraction appears only
	// when there is one, so "2021-04-12T08:50:22+03:00" round-trips unchanged.
	private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE)
		.appendLiteral('T')
		.appendPattern("HH:mm:ss")
		.appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
		.appendOffset("+HH:MM", "+00:00")
		.toFormatter();

	private Timestamps() {
	}

	/** Formats a time as {@code 2021-04-12T08:50:22+03:00}, keeping its own offset. */
	public static String format(OffsetDateTime time) {
		return FORMAT.format(time);
	}

}
