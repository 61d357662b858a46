package io.k2connect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ResourceLocationTests {

	@Test
	void idIsTheLastPathSegment() {
		ResourceLocation location = ResourceLocation
			.of("https://sandbox.kopokopo.com/api/v1/incoming_payments/247b1bd8-f5a0-4b71-a898-f62f67b8ae1c");

		assertThat(location.id()).isEqualTo("247b1bd8-f5a0-4b71-a898-f62f67b8ae1c");
	}

	@Test
	void trailingSlashIsIgnored() {
		assertThat(ResourceLocation.of("https://sandbox.kopokopo.com/api/v1/payments/abc/").id()).isEqualTo("abc");
	}

	@Test
	void relativeOrIdlessUrlsAreRefused() {
		assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(() -> ResourceLocation.of("/api/v1/payments/abc"));
		assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(() -> ResourceLocation.of("https://sandbox.kopokopo.com/"));
		assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(() -> ResourceLocation.of("https://exa mple.com/x"));
	}

}
