package io.k2connect.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTests {

	private static final OffsetDateTime TIME = OffsetDateTime.of(2021, 4, 12, 8, 50, 22, 0, ZoneOffset.ofHours(3));

	@Test
	void formatKeepsSecondsAndANumericOffset() {
		assertThat(Timestamps.format(TIME)).isEqualTo("2021-04-12T08:50:22+03:00");
		assertThat(Timestamps.format(TIME.withOffsetSameInstant(ZoneOffset.UTC)))
			.isEqualTo("2021-04-12T05:50:22+00:00");
	}

	@Test
	void formatWritesAFractionOnlyWhenThereIsOne() {
		assertThat(Timestamps.format(TIME.withNano(623_000_000))).isEqualTo("2021-04-12T08:50:22.623+03:00");
	}

	@Test
	void parseReadsWhatFormatWrites() {
		assertThat(Timestamps.parse(Timestamps.format(TIME))).isEqualTo(TIME);
		assertThat(Timestamps.parse(Timestamps.format(TIME.withNano(1)))).isEqualTo(TIME.withNano(1));
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "2021-04-12T08:50:22+03:00:00", " 2021-04-12T08:50:22+03:00 ", "2021-04-12T08:50:22+0300" })
	void parseFallsBackToTheLenientFormatter(String text) {
		assertThat(Timestamps.parse(text)).isEqualTo(TIME);
	}

	@ParameterizedTest
	@ValueSource(strings = { "+00:00", "-00:00", "+03:00", "-03:30", "+05:45", "+05:17", "+18:00", "-18:00", "-17:59" })
	void parseReadsEveryOffsetZoneOffsetAllows(String offset) {
		assertThat(Timestamps.parse("2021-04-12T08:50:22" + offset))
			.isEqualTo(OffsetDateTime.of(2021, 4, 12, 8, 50, 22, 0, ZoneOffset.of(offset)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "+18:15", "-18:01", "+19:00", "+99:00", "+01:60", "-00:99" })
	void parseOfAnOffsetBeyondZoneOffsetsRangeIsNull(String offset) {
		assertThat(Timestamps.parse("2021-04-12T08:50:22" + offset)).isNull();
	}

	@Test
	void parseOfNullOrOverlongTextIsNull() {
		assertThat(Timestamps.parse(null)).isNull();
		assertThat(Timestamps.parse("2021-04-12T08:50:22+03:00" + " ".repeat(64))).isNull();
	}

	@Test
	void epochSecondsAreUtc() {
		assertThat(Timestamps.ofEpochSeconds(1_617_777_061L))
			.isEqualTo(OffsetDateTime.of(2021, 4, 7, 6, 31, 1, 0, ZoneOffset.UTC));
	}

	@Test
	void epochSecondsOutOfRangeAreNull() {
		assertThat(Timestamps.ofEpochSeconds(Long.MAX_VALUE)).isNull();
	}

}
