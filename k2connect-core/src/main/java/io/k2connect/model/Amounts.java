package io.k2connect.model;

import java.math.BigDecimal;

/**
 * The limits every amount in a request is checked against before anything is sent:
 * greater than zero, at most {@link #MAX}, at most {@link #MAX_DECIMALS} decimal places
 * and written with at most {@link #MAX_PRECISION} digits. A request that breaks one
 * throws a {@link io.k2connect.K2ValidationException} naming the wire field, e.g.
 * {@code amount.value}.
 */
public final class Amounts {

	/**
	 * The largest amount any request accepts: KES 999,999,999.99. It is far above what K2
	 * lets one transaction move, so it never refuses a real payment; it exists so that a
	 * slip such as {@code new BigDecimal("1E+300000000")} fails at once instead of being
	 * expanded, digit by digit, into a body K2 would refuse anyway.
	 */
	public static final BigDecimal MAX = new BigDecimal("999999999.99");

	/**
	 * The most decimal places an amount may have once trailing zeros are ignored (K2
	 * counts cents).
	 */
	public static final int MAX_DECIMALS = 2;

	/**
	 * The most digits an amount may be written with, trailing zeros included
	 * ({@code 250.00} is five): {@link #MAX} needs eleven, and a bound keeps every check
	 * on an amount cheap.
	 */
	public static final int MAX_PRECISION = 20;

	private Amounts() {
	}

}
