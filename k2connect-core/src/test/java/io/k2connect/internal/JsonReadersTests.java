package io.k2connect.internal;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReadersTests {

	private static final OffsetDateTime EPOCH_TIME = OffsetDateTime.of(2021, 4, 7, 6, 31, 1, 0, ZoneOffset.UTC);

	@Test
	void timeIsReadFromEpochSecondsAsANumber() {
		assertThat(JsonReaders.timeOrEpochSeconds(json("{\"t\":1617777061}"), "t")).isEqualTo(EPOCH_TIME);
	}

	@Test
	void timeIsReadFromEpochSecondsAsAString() {
		assertThat(JsonReaders.timeOrEpochSeconds(json("{\"t\":\" 1617777061 \"}"), "t")).isEqualTo(EPOCH_TIME);
	}

	@Test
	void timeIsReadFromIsoText() {
		assertThat(JsonReaders.timeOrEpochSeconds(json("{\"t\":\"2021-04-07T09:31:01+03:00\"}"), "t").toInstant())
			.isEqualTo(EPOCH_TIME.toInstant());
	}

	@Test
	void unreadableTimesAreNull() {
		JsonNode json = json("{\"a\":1.5,\"b\":true,\"c\":\"soon\",\"d\":99999999999999999999}");
		assertThat(JsonReaders.timeOrEpochSeconds(json, "a")).isNull();
		assertThat(JsonReaders.timeOrEpochSeconds(json, "b")).isNull();
		assertThat(JsonReaders.timeOrEpochSeconds(json, "c")).isNull();
		assertThat(JsonReaders.timeOrEpochSeconds(json, "d")).isNull();
		assertThat(JsonReaders.timeOrEpochSeconds(json, "missing")).isNull();
	}

	@Test
	void textOfNumbersAndBooleans() {
		JsonNode json = json("{\"n\":42,\"b\":false,\"o\":{}}");
		assertThat(JsonReaders.text(json, "n")).isEqualTo("42");
		assertThat(JsonReaders.text(json, "b")).isEqualTo("false");
		assertThat(JsonReaders.text(json, "o")).isNull();
	}

	@Test
	void nonObjectBodiesAreNotParsed() {
		assertThat(JsonReaders.tryParseObject("[1]".getBytes(StandardCharsets.UTF_8))).isNull();
		assertThat(JsonReaders.tryParseObject("nope".getBytes(StandardCharsets.UTF_8))).isNull();
		assertThat(JsonReaders.tryParseObject(new byte[0])).isNull();
	}

	private static JsonNode json(String text) {
		return JsonReaders.tryParseObject(text.getBytes(StandardCharsets.UTF_8));
	}

}
