package io.k2connect.event;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ShapeTests {

	@Test
	void everyNameHasTheSlotOfItsPositionEvenWhenTheirHashesCollide() {
		// "Aa" and "BB" (and their concatenations) share a hash code, so they all probe
		// the same table entries.
		List<String> names = new ArrayList<>(List.of("AaAa", "AaBB", "BBAa", "BBBB", "Aa", "BB"));
		for (int i = 0; i < 40; i++) {
			names.add("field_" + i);
		}
		Shape shape = Shape.of(names.toArray(String[]::new));
		assertThat(shape.size()).isEqualTo(names.size());
		for (int i = 0; i < names.size(); i++) {
			// A copy, not the constant: equal names must be found, not only the same
			// instances.
			assertThat(shape.index(new String(names.get(i)))).isEqualTo(i);
		}
	}

	@Test
	void aNameOutsideTheShapeIsAnError() {
		Shape shape = Shape.of("Aa", "id");
		assertThatIllegalArgumentException().isThrownBy(() -> shape.index("BB"))
			.withMessage("Field 'BB' is not part of this shape");
		assertThatIllegalArgumentException().isThrownBy(() -> shape.index("name"))
			.withMessage("Field 'name' is not part of this shape");
	}

	@Test
	void aNameDeclaredTwiceIsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> Shape.of("id", "topic").values("id"))
			.withMessage("Field 'id' declared twice");
	}

	@Test
	void aShapeOfNoFieldsKnowsNoName() {
		assertThat(Shape.of().size()).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> Shape.of().index("id"));
	}

}
