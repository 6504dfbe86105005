package dev.carveout.target.tests.zram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
	void precedenceAndAssociativity() throws Exception {
		assertEquals(50, eval("2 + 3 * 4 ^ 2", 0));
		assertEquals(512, eval("2 ^ 3 ^ 2", 0), "^ groups to the right");
		assertEquals(-4, eval("-2 ^ 2", 0), "the sign applies to the power");
		assertEquals(2, eval("10 - 4 - 4", 0), "- groups to the left");
		assertEquals(1, eval("7 % 3", 0));
		assertEquals(3, eval("max(1, 3, 2)", 0));
		assertEquals(62.5, eval("(ram) / 8", 500));
		assertEquals(62, eval("floor(ram / 8)", 500));
		assertEquals(3, eval("int(pi)", 0));
	}

	@Test
	void errorsSayWhereAndWhy() {
		ExpressionException end = assertThrows(ExpressionException.class, () -> SizeExpression.parse("ram / "));
		assertEquals("expression ends too early", end.getMessage());
		assertEquals(6, end.offset());
		ExpressionException unit = assertThrows(ExpressionException.class, () -> SizeExpression.parse("2G"));
		assertEquals(1, unit.offset());
		assertEquals("unexpected 'G' after a number (sizes are plain MiB: write 2048, not 2G)", unit.getMessage());
		ExpressionException name = assertThrows(ExpressionException.class, () -> SizeExpression.parse("ram / mem"));
		assertEquals(6, name.offset());
		ExpressionException paren = assertThrows(ExpressionException.class, () -> SizeExpression.parse("min(ram, 2"));
		assertEquals("')' expected at the end", paren.getMessage());
		ExpressionException arity = assertThrows(ExpressionException.class, () -> SizeExpression.parse("abs(1, 2)"));
		assertEquals("abs() takes one argument, got 2", arity.getMessage());
		assertThrows(ExpressionException.class, () -> SizeExpression.parse(""));
		assertThrows(ExpressionException.class, () -> SizeExpression.parse("ram ram"));
	}
}
