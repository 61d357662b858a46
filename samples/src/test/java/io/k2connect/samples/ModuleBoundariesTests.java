package io.k2connect.samples;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modules above core use it only through its public API:
 * {@code io.k2connect.internal} is core's own business, so that it can change without
 * breaking the simulator, the starter or an application. (The sample sees every module,
 * so this cross-module rule lives here.)
 */
class ModuleBoundariesTests {

	private static final JavaClasses ABOVE_CORE = new ClassFileImporter().importPackages("io.k2connect.simulator",
			"io.k2connect.autoconfigure", "io.k2connect.starter", "io.k2connect.samples");

	@Test
	void nothingAboveCoreUsesItsInternalPackage() {
		assertThat(ABOVE_CORE.containPackage("io.k2connect.simulator")).isTrue();
		assertThat(ABOVE_CORE.containPackage("io.k2connect.autoconfigure")).isTrue();

		noClasses().should().dependOnClassesThat().resideInAPackage("io.k2connect.internal..").check(ABOVE_CORE);
	}

}
