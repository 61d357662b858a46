package io.k2connect.model;

import io.k2connect.K2ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PhoneNumberTests {

	@Test
	void acceptsEveryCommonKenyanForm() {
		for (String typed : new String[] { "0712345678", "712345678", "254712345678", "+254712345678", "0712 345 678",
				"+254-712-345-678" }) {
			assertThat(PhoneNumber.parse(typed).e164()).as(typed).isEqualTo("+254712345678");
		}
	}

	@Test
	void accepts01Numbers() {
		assertThat(PhoneNumber.parse("0110123456").e164()).isEqualTo("+254110123456");
		assertThat(PhoneNumber.parse("0110123456").msisdn()).isEqualTo("254110123456");
	}

	@Test
	void refusesWhatIsNotAKenyanMobileNumber() {
		for (String typed : new String[] { "", "12345", "0212345678", "+255712345678", "07123456789", "+254 7123 4567",
				"07a2345678", "+254999999999" }) {
			assertThat(PhoneNumber.tryParse(typed)).as(typed).isNull();
			assertThatExceptionOfType(K2ValidationException.class).isThrownBy(() -> PhoneNumber.parse(typed))
				.withMessageContaining("phone_number must be a Kenyan mobile number");
		}
	}

}
