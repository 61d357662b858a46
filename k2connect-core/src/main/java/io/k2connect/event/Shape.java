package io.k2connect.event;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.sym.BinaryNameMatcher;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.Named;

/**
 * The fields the parser reads of one kind of JSON object, and how: a scalar, a nested
 * object of a known shape, a list of such objects, or any JSON value kept whole as plain
 * Java values. {@link #read} streams one object straight from the Jackson parser into
 * {@link Fields}: fields it does not name are skipped without being decoded, so a payload
 * costs no more than tokenising it, and no tree is built.
 *
 * <p>
 * Values are stored as read (strings, {@code Boolean}, {@code Long} or {@code BigInteger}
 * for integers, exact {@code BigDecimal} for other numbers); {@link Fields} converts them
 * when a record asks, so a field of the wrong JSON type simply reads as {@code null}.
 * Shapes are immutable and built once, in the class that maps their records.
 */
final class Shape {

	private static final Shape EMPTY = new Shape(new Field[0]);

	private final Field[] fields;

	/**
	 * Slots by name, for the mappings, which ask by name after the read: an
	 * open-addressing table (names, and their slot plus one, 0 for free), which a
	 * mapping's dozens of lookups per event go through without the boxing and node hops
	 * of a {@code HashMap<String, Integer>}. Names are the mappings' string constants, so
	 * {@code equals} nearly always decides by identity.
	 */
	private final @Nullable String[] names;

	private final int[] slots;

	/**
	 * Slots by name, for {@link #read}: Jackson's own matcher, which the byte parser
	 * matches against the encoded name as it reads it, instead of first looking the name
	 * up in its symbol table and then in {@link #indexes}.
	 */
	private final PropertyNameMatcher matcher;

	private Shape(Field[] fields) {
		this.fields = fields;
		// Less than half full, so that a probe meets a free entry soon.
		int capacity = Integer.highestOneBit(Math.max(fields.length, 1) * 4);
		this.names = new String[capacity];
		this.slots = new int[capacity];
		List<Named> named = new ArrayList<>(fields.length);
		for (int i = 0; i < fields.length; i++) {
			String name = fields[i].name;
			int entry = entry(name);
			if (this.slots[entry] != 0) {
				throw new IllegalArgumentException("Field '" + name + "' declared twice");
			}
			this.names[entry] = name;
			this.slots[entry] = i + 1;
			named.add(Named.fromString(name));
		}
		this.matcher = BinaryNameMatcher.constructFrom(named, false);
		for (int i = 0; i < fields.length; i++) {
			// The matcher numbers names in list order; read relies on it.
			if (this.matcher.matchName(fields[i].name) != i) {
				throw new IllegalStateException("Name matcher disagrees on '" + fields[i].name + "'");
			}
		}
	}

	/**
	 * A shape of scalar fields (strings, numbers, booleans; an object or array there
	 * reads as null).
	 */
	static Shape of(String... names) {
		return EMPTY.values(names);
	}

	/** This shape plus scalar fields. */
	Shape values(String... names) {
		Shape shape = this;
		for (String name : names) {
			shape = shape.with(new Field(name, Kind.VALUE, null));
		}
		return shape;
	}

	/**
	 * This shape plus a nested object of {@code shape} (a scalar there is kept as a
	 * scalar).
	 */
	Shape object(String name, Shape shape) {
		return object(name, (siblings) -> shape);
	}

	/**
	 * This shape plus a nested object whose shape depends on the fields read before it in
	 * the same object ({@link Fields#has} tells which were).
	 */
	Shape object(String name, Function<Fields, Shape> shape) {
		return with(new Field(name, Kind.OBJECT, shape));
	}

	/**
	 * This shape plus a list whose object elements have {@code shape}; other elements are
	 * skipped.
	 */
	Shape list(String name, Shape shape) {
		return with(new Field(name, Kind.LIST, (siblings) -> shape));
	}

	/**
	 * This shape plus fields kept whole, whatever their JSON type, as plain Java values.
	 */
	Shape plain(String... names) {
		Shape shape = this;
		for (String name : names) {
			shape = shape.with(new Field(name, Kind.PLAIN, null));
		}
		return shape;
	}

	private Shape with(Field field) {
		Field[] fields = Arrays.copyOf(this.fields, this.fields.length + 1);
		fields[this.fields.length] = field;
		return new Shape(fields);
	}

	/**
	 * The slot of {@code name}; declaring the names a mapping reads is the shape's whole
	 * point.
	 */
	int index(String name) {
		int slot = this.slots[entry(name)];
		if (slot == 0) {
			throw new IllegalArgumentException("Field '" + name + "' is not part of this shape");
		}
		return slot - 1;
	}

	/** The table entry that holds {@code name}, or the free one where it would go. */
	private int entry(String name) {
		int mask = this.names.length - 1;
		// Spread the high bits, as HashMap does, since the table is small.
		int hash = name.hashCode();
		int entry = (hash ^ (hash >>> 16)) & mask;
		String held;
		while ((held = this.names[entry]) != null && !held.equals(name)) {
			entry = (entry + 1) & mask;
		}
		return entry;
	}

	int size() {
		return this.fields.length;
	}

	/**
	 * Reads one object.
	 * @param parser the parser, on the object's {@code START_OBJECT}
	 * @return the fields read; the parser is left on the object's {@code END_OBJECT}
	 */
	Fields read(JsonParser parser) {
		Fields read = new Fields(this);
		int index;
		// Ends on END_OBJECT (MATCH_END_OBJECT), as reading names with nextName() would;
		// in an object nothing else (MATCH_ODD_TOKEN) can come.
		while ((index = parser.nextNameMatch(this.matcher)) >= 0 || index == PropertyNameMatcher.MATCH_UNKNOWN_NAME) {
			JsonToken token = parser.nextToken();
			if (index < 0) {
				// A name the shape does not declare.
				parser.skipChildren();
			}
			else {
				read.set(index, value(parser, token, this.fields[index], read));
			}
		}
		return read;
	}

	private static @Nullable Object value(JsonParser parser, JsonToken token, Field field, Fields siblings) {
		if (field.kind == Kind.PLAIN) {
			return plain(parser, token);
		}
		if (token == JsonToken.START_OBJECT && field.kind == Kind.OBJECT) {
			return field.shape(siblings).read(parser);
		}
		if (token == JsonToken.START_ARRAY && field.kind == Kind.LIST) {
			Shape elements = field.shape(siblings);
			List<Fields> list = new ArrayList<>();
			for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
				if (element == JsonToken.START_OBJECT) {
					list.add(elements.read(parser));
				}
				else {
					parser.skipChildren();
				}
			}
			return list;
		}
		if (token.isStructStart()) {
			// An object or array where the shape expects something else: no value.
			parser.skipChildren();
			return null;
		}
		return scalar(parser, token);
	}

	/**
	 * Any JSON value as plain Java values; objects keep document order and cannot be
	 * modified.
	 */
	static @Nullable Object plain(JsonParser parser, JsonToken token) {
		if (token == JsonToken.START_OBJECT) {
			Map<String, @Nullable Object> map = new LinkedHashMap<>();
			String name;
			while ((name = parser.nextName()) != null) {
				map.put(name, plain(parser, parser.nextToken()));
			}
			return Collections.unmodifiableMap(map);
		}
		if (token == JsonToken.START_ARRAY) {
			List<@Nullable Object> list = new ArrayList<>();
			for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
				list.add(plain(parser, element));
			}
			return Collections.unmodifiableList(list);
		}
		return scalar(parser, token);
	}

	private static @Nullable Object scalar(JsonParser parser, JsonToken token) {
		switch (token) {
			case VALUE_STRING:
				return parser.getString();
			case VALUE_NUMBER_INT:
				return switch (parser.getNumberType()) {
					case INT, LONG -> parser.getLongValue();
					default -> parser.getBigIntegerValue();
				};
			case VALUE_NUMBER_FLOAT:
				// Exact, never through double: amounts must not be rounded.
				return parser.getDecimalValue();
			case VALUE_TRUE:
				return Boolean.TRUE;
			case VALUE_FALSE:
				return Boolean.FALSE;
			default:
				return null;
		}
	}

	private enum Kind {

		VALUE, OBJECT, LIST, PLAIN

	}

	private record Field(String name, Kind kind, @Nullable Function<Fields, Shape> shape) {

		Shape shape(Fields siblings) {
			return (this.shape != null) ? this.shape.apply(siblings) : EMPTY;
		}

	}

}
