package dev.carveout.target.tests.zram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.carveout.zram.ExpressionException;
import dev.carveout.zram.SizeExpression;

/** zram-generator's size arithmetic, values and errors. */
class SizeExpressionTest {

	private static double eval(String expression, double ram) throws ExpressionException {
		return SizeExpression.parse(expression).evaluate(ram);
	}

	@Test
	void theDefaultIsHalfTheRamUpTo4GiB() throws Exception {
		assertEquals(256, eval(SizeExpression.DEFAULT_ZRAM_SIZE, 512));
		assertEquals(4096, eval(SizeExpression.DEFAULT_ZRAM_SIZE, 16384));
	}

	@Test
	void theManPagesPiecewiseExample() throws Exception {
		String e = "min(min(ram, 4096) + max(ram - 4096, 0) / 2, 32 * 1024)";
		assertEquals(1024, eval(e, 1024));
		assertEquals(4096 + 2048, eval(e, 8192));
		assertEquals(32768, eval(e, 65536 * 2));
	}

	@Test
	void fastevalsPrecedenceAndAssociativity() throws Exception {
		assertEquals(50, eval("2 + 3 * 4 ^ 2", 0));
		assertEquals(512, eval("2 ^ 3 ^ 2", 0), "^ groups to the right");
		assertEquals(4, eval("-2 ^ 2", 0), "the sign applies to the value after it only");
		assertEquals(2, eval("10 - 4 - 4", 0), "- groups to the left");
		assertEquals(1, eval("7 % 3", 0));
		assertEquals(6, eval("2 * 7 % 4", 0), "% binds tighter than *");
		assertEquals(3, eval("max(1, 3, 2)", 0));
		assertEquals(62.5, eval("(ram) / 8", 500));
		assertEquals(62.5, eval("[ram] / 8", 500), "square brackets group too");
		assertEquals(62, eval("floor(ram / 8)", 500));
		assertEquals(3, eval("int(pi())", 0));
		assertEquals(-3, eval("int(-pi())", 0), "int truncates toward zero");
		assertEquals(1, eval("ram > 100 && ram < 1000", 500));
		assertEquals(0, eval("!ram", 500));
		assertEquals(7, eval("0 || 7", 0));
		assertEquals(2, eval("log(100)", 0), 1e-12);
		assertEquals(3, eval("log(2, 8)", 0), 1e-12);
		assertEquals(10, eval("round(5, 12)", 0), "round(modulus, x)");
		assertEquals(-1, eval("sign(-4)", 0));
		assertEquals(1, eval("cos(0)", 0));
	}

	@Test
	void numbersTakeAnExponentAndAnSiSuffix() throws Exception {
		assertEquals(2e9, eval("2G", 0), "G is 10^9, as in fasteval: a size in MiB times 10^9");
		assertEquals(500_000, eval("500k", 0));
		assertEquals(1000, eval("1K", 0));
		assertEquals(0.001, eval("1m", 0), 1e-18);
		assertEquals(1e-6, eval("1µ", 0), 1e-18);
		assertEquals(1500, eval("1.5e3", 0));
		assertEquals(0.5, eval(".5", 0));
	}

	@Test
	void namesAreLookedUpWhenEvaluated() throws Exception {
		assertEquals(256, SizeExpression.parse("ram * ratio").evaluate(1024, Map.of("ratio", 0.25)));
		ExpressionException undefined = assertThrows(ExpressionException.class, () -> eval("ram / mem", 1024));
		assertEquals(6, undefined.offset());
		assertThrows(ExpressionException.class, () -> eval("e", 0), "e is a variable; Euler's number is e()");
		assertThrows(ExpressionException.class, () -> eval("f(1)", 0), "only fasteval's functions exist");
	}

	@Test
	void errorsSayWhereAndWhy() {
		ExpressionException end = assertThrows(ExpressionException.class, () -> SizeExpression.parse("ram / "));
		assertEquals("expression ends too early", end.getMessage());
		assertEquals(6, end.offset());
		ExpressionException unit = assertThrows(ExpressionException.class, () -> SizeExpression.parse("2Gi"));
		assertEquals(2, unit.offset());
		assertEquals("unexpected 'i'", unit.getMessage());
		ExpressionException paren = assertThrows(ExpressionException.class, () -> SizeExpression.parse("min(ram, 2"));
		assertEquals("')' expected at the end", paren.getMessage());
		ExpressionException arity = assertThrows(ExpressionException.class, () -> SizeExpression.parse("abs(1, 2)"));
		assertEquals("abs: expected one arg", arity.getMessage());
		assertThrows(ExpressionException.class, () -> SizeExpression.parse("min()"));
		assertThrows(ExpressionException.class, () -> SizeExpression.parse(""));
		assertThrows(ExpressionException.class, () -> SizeExpression.parse("ram ram"));
		assertThrows(ExpressionException.class, () -> SizeExpression.parse("π"));
		assertThrows(ExpressionException.class, () -> SizeExpression.parse("0x10"));
	}
}
