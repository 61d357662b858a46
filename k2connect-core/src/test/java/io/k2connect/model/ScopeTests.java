package io.k2connect.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScopeTests {

	@Test
	void wireValuesAreLowerCase() {
		assertThat(Scope.TILL.wireValue()).isEqualTo("till");
		assertThat(Scope.COMPANY.wireValue()).isEqualTo("company");
	}

	@Test
	void fromWireValueIgnoresCaseBecauseStatusDocumentsCapitalise() {
		assertThat(Scope.fromWireValue("Company")).isEqualTo(Scope.COMPANY);
		assertThat(Scope.fromWireValue("till")).isEqualTo(Scope.TILL);
	}

	@Test
	void fromWireValueOfUnknownIsNull() {
		assertThat(Scope.fromWireValue("branch")).isNull();
		assertThat(Scope.fromWireValue(null)).isNull();
	}

}
