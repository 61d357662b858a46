package io.k2connect.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScopeTests {

	@Test
	void wireNamesAreLowerCase() {
		assertThat(Scope.TILL.wireName()).isEqualTo("till");
		assertThat(Scope.COMPANY.wireName()).isEqualTo("company");
		assertThat(Scope.COMPANY).hasToString("company");
	}

	@Test
	void fromWireNameIgnoresCaseBecauseStatusDocumentsCapitalise() {
		assertThat(Scope.fromWireName("Company")).isEqualTo(Scope.COMPANY);
		assertThat(Scope.fromWireName("till")).isEqualTo(Scope.TILL);
	}

	@Test
	void fromWireNameOfUnknownIsNull() {
		assertThat(Scope.fromWireName("branch")).isNull();
		assertThat(Scope.fromWireName(null)).isNull();
	}

}
