package io.k2connect.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

import org.jspecify.annotations.Nullable;

/**
 * Reads and writes timestamps the way K2 writes them: ISO-8601 with seconds and an
 * offset, with or without fractional seconds ({@code 2020-10-22T10:43:19+03:00},
 * {@code 2021-01-27T10:57:58.623+03:00}, {@code ...Z}). Reading is lenient (an unreadable
 * time is {@code null}, never an error); writing always gives the canonical form.
 */
public final class Timestamps {

	// Not ISO_OFFSET_DATE_TIME: that drops ":00" seconds and writes UTC as "Z", while
	// K2's own documents always show seconds and an offset such as "+03:00". The fraction
	// appears only when there is one, so "2021-04-12T08:50:22+03:00" round-trips
	// unchanged.
	private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE)
		.appendLiteral('T')
		.appendPattern("HH:mm:ss")
		.appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
		.appendOffset("+HH:MM", "+00:00")
		.toFormatter();

	/**
	 * Fallback for times the fast path does not handle (e.g. {@code +0300}, seconds in
	 * the offset).
	 */
	private static final DateTimeFormatter LENIENT_OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
		.parseCaseInsensitive()
		.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
		.optionalStart()
		.appendOffset("+HH:MM:ss", "Z")
		.optionalEnd()
		.optionalStart()
		.appendOffset("+HHMM", "Z")
		.optionalEnd()
		.toFormatter()
		.withResolverStyle(ResolverStyle.STRICT);

	/**
	 * The whole-quarter-hour offsets from -18:00 to +18:00, which are all that real zones
	 * use: looked up instead of asking {@code ZoneOffset.ofHoursMinutes}, whose shared
	 * cache costs a boxed key and a concurrent map lookup per time read.
	 */
	private static final ZoneOffset[] QUARTER_HOURS;

	private static final int QUARTER_HOUR_SECONDS = 15 * 60;

	/** Quarter hours in 18 hours, the largest offset; also the index of +00:00. */
	private static final int MAX_QUARTERS = 18 * 4;

	static {
		QUARTER_HOURS = new ZoneOffset[2 * MAX_QUARTERS + 1];
		for (int i = 0; i < QUARTER_HOURS.length; i++) {
			QUARTER_HOURS[i] = ZoneOffset.ofTotalSeconds((i - MAX_QUARTERS) * QUARTER_HOUR_SECONDS);
		}
	}

	/** Longest text handed to the fallback formatter; nothing longer is a K2 time. */
	private static final int MAX_LENIENT_LENGTH = 64;

	private Timestamps() {
	}

	/** Formats a time as {@code 2021-04-12T08:50:22+03:00}, keeping its own offset. */
	public static String format(OffsetDateTime time) {
		return FORMAT.format(time);
	}

	/**
	 * Reads an ISO-8601 date-time with an offset. The common shapes are parsed by hand
	 * because {@code DateTimeFormatter} costs more than the rest of a webhook's mapping
	 * together; anything else (e.g. {@code +0300}, lower-case {@code t} and {@code z})
	 * goes through a strict formatter.
	 * @param text the time as sent, or {@code null}
	 * @return the time, or {@code null} when there is none or it cannot be read (a date
	 * alone, no offset, an impossible date, ...)
	 */
	public static @Nullable OffsetDateTime parse(@Nullable String text) {
		if (text == null) {
			return null;
		}
		OffsetDateTime fast = parseCommonShape(text);
		if (fast != null) {
			return fast;
		}
		if (text.length() > MAX_LENIENT_LENGTH) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text.strip(), LENIENT_OFFSET_DATE_TIME);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/**
	 * A time given as seconds since the epoch (as K2's OAuth endpoints send
	 * {@code created_at}), in UTC.
	 * @param epochSeconds the seconds
	 * @return the time, or {@code null} when it is out of {@link Instant}'s range
	 */
	public static @Nullable OffsetDateTime ofEpochSeconds(long epochSeconds) {
		try {
			return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/**
	 * {@code yyyy-MM-ddTHH:mm:ss[.f{1,}](Z|±HH:MM)}, or {@code null} for any other shape.
	 */
	private static @Nullable OffsetDateTime parseCommonShape(String s) {
		int n = s.length();
		if (n < 20 || n > 40 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != 't')
				|| s.charAt(13) != ':' || s.charAt(16) != ':') {
			return null;
		}
		int year = digits(s, 0, 4);
		int month = digits(s, 5, 2);
		int day = digits(s, 8, 2);
		int hour = digits(s, 11, 2);
		int minute = digits(s, 14, 2);
		int second = digits(s, 17, 2);
		if ((year | month | day | hour | minute | second) < 0) {
			return null;
		}
		int i = 19;
		int nano = 0;
		if (s.charAt(i) == '.') {
			int start = ++i;
			while (i < n && isDigit(s.charAt(i))) {
				if (i - start < 9) {
					nano = nano * 10 + (s.charAt(i) - '0');
				}
				i++;
			}
			int count = i - start;
			if (count == 0) {
				return null;
			}
			for (int k = count; k < 9; k++) {
				nano *= 10;
			}
		}
		ZoneOffset offset;
		if (i == n - 1 && (s.charAt(i) == 'Z' || s.charAt(i) == 'z')) {
			offset = ZoneOffset.UTC;
		}
		else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
			int hours = digits(s, i + 1, 2);
			int minutes = digits(s, i + 4, 2);
			if ((hours | minutes) < 0) {
				return null;
			}
			offset = offset(s.charAt(i) == '-', hours, minutes);
			if (offset == null) {
				return null;
			}
		}
		else {
			return null;
		}
		try {
			return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/**
	 * The offset {@code ±hours:minutes}, or {@code null} beyond ±18:00 or with 60 minutes
	 * or more (as {@code ZoneOffset} rules).
	 */
	private static @Nullable ZoneOffset offset(boolean negative, int hours, int minutes) {
		if (minutes > 59) {
			return null;
		}
		int seconds = ((negative) ? -1 : 1) * (hours * 60 + minutes) * 60;
		int quarters = seconds / QUARTER_HOUR_SECONDS;
		if (seconds % QUARTER_HOUR_SECONDS == 0 && Math.abs(quarters) <= MAX_QUARTERS) {
			return QUARTER_HOURS[MAX_QUARTERS + quarters];
		}
		try {
			// Beyond ±18:00 this throws, as ofHoursMinutes did.
			return ZoneOffset.ofTotalSeconds(seconds);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/**
	 * The non-negative number written by {@code count} ASCII digits at {@code from}, or
	 * -1.
	 */
	private static int digits(String s, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = s.charAt(i);
			if (!isDigit(c)) {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
