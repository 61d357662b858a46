package io.k2connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of core that its users and the other modules rely on:
 * {@code io.k2connect.internal} is an implementation detail that no public signature
 * reveals, the API packages depend on each other without cycles, and nothing here knows
 * Spring Boot.
 */
class ArchitectureTests {

	private static final String INTERNAL = "io.k2connect.internal";

	private static final JavaClasses CORE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.k2connect");

	@Test
	void noPublicSignatureMentionsAnInternalType() {
		List<String> leaks = new ArrayList<>();
		for (JavaClass type : CORE) {
			if (type.getPackageName().startsWith(INTERNAL) || !isVisible(type.getModifiers())) {
				continue;
			}
			for (JavaMember member : type.getMembers()) {
				if (isVisible(member.getModifiers())) {
					for (JavaClass mentioned : signatureTypes(member)) {
						if (mentioned.getPackageName().startsWith(INTERNAL)) {
							leaks.add(member.getFullName() + " mentions " + mentioned.getName());
						}
					}
				}
			}
			type.getRawSuperclass()
				.filter((superclass) -> superclass.getPackageName().startsWith(INTERNAL))
				.ifPresent((superclass) -> leaks.add(type.getName() + " extends " + superclass.getName()));
			type.getRawInterfaces()
				.stream()
				.filter((contract) -> contract.getPackageName().startsWith(INTERNAL))
				.forEach((contract) -> leaks.add(type.getName() + " implements " + contract.getName()));
		}
		assertThat(leaks).isEmpty();
	}

	@Test
	void theApiPackagesHaveNoCycles() {
		// The root package (K2Client, the exceptions) is everyone's entry point and is
		// left out.
		slices().matching("io.k2connect.(*)..").should().beFreeOfCycles().check(CORE);
	}

	@Test
	void coreKnowsNoSpringBoot() {
		noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework.boot..").check(CORE);
	}

	private static boolean isVisible(Set<JavaModifier> modifiers) {
		return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
	}

	private static Set<JavaClass> signatureTypes(JavaMember member) {
		Set<JavaClass> types = new java.util.HashSet<>();
		if (member instanceof JavaField field) {
			collect(field.getType(), types);
		}
		else if (member instanceof JavaCodeUnit code) {
			collect(code.getReturnType(), types);
			code.getParameterTypes().forEach((parameter) -> collect(parameter, types));
			code.getExceptionTypes().forEach(types::add);
		}
		return types;
	}

	private static void collect(JavaType type, Set<JavaClass> into) {
		into.addAll(type.getAllInvolvedRawTypes());
	}

}
