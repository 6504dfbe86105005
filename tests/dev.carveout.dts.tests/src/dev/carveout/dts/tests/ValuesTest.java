package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.carveout.dts.tree.DtProperty;
import dev.carveout.dts.tree.DtTree;
import dev.carveout.dts.tree.EffectiveTreeBuilder;
import dev.carveout.dts.tree.SourceLocator;

/** Property values as dtc encodes them, read from the effective tree. */
class ValuesTest {

	@TempDir
	Path dir;

	private DtProperty property(String body) {
		String text = "/dts-v1/;\n/ {\n\tp = " + body + ";\n};\n";
		var parser = dev.carveout.dts.DtsLanguage.injector().getInstance(org.eclipse.xtext.parser.IParser.class);
		var result = parser.parse(new java.io.StringReader(text));
		assertEquals(0, com.google.common.collect.Iterables.size(result.getSyntaxErrors()), text);
		EffectiveTreeBuilder builder = new EffectiveTreeBuilder(f -> {
			throw new AssertionError(f.toString());
		});
		SourceLocator at = new SourceLocator(dir.resolve("t.dts"), text);
		((dev.carveout.dts.dts.DtsFile) result.getRootASTElement()).getItems().forEach(item -> builder.add(item, at));
		DtTree tree = builder.finish();
		return tree.root().property("p");
	}

	@ParameterizedTest(name = "<{0}> is 0x{1}")
	@CsvSource(delimiter = ';', quoteCharacter = '"', value = {
			"0x10;10", "010;8", "10;a", "0x1ULL;1", "'a';61", "'\\n';a",
			"(1 + 2 * 3);7", "((1 + 2) * 3);9", "(1 << 4 | 1);11", "(7 / 2);3", "(7 % 4);3",
			"(-1);ffffffff", "(~0);ffffffff", "(!0);1", "(2 > 1 ? 10 : 20);a", "(1 == 1 && 0 || 1);1",
			"(0x100000 - 1);fffff", "(6 & 3 ^ 1);3" })
	void integerExpressionsFollowCPrecedence(String expression, String hex) {
		long[] cells = property("<" + expression + ">").value().cells();
		assertEquals(1, cells.length);
		assertEquals(Long.parseLong(hex, 16), cells[0]);
	}

	@Test
	void stringsAndStringListsEndWithNul() {
		assertArrayEquals(new byte[] { 'a', 0, 'b', 'c', 0 }, property("\"a\", \"bc\"").value().bytes());
		assertArrayEquals(new byte[] { 'A', '\n', 9, 0 }, property("\"\\x41\\n\\011\"").value().bytes());
	}

	@Test
	void bitsWidthsAndByteStrings() {
		assertArrayEquals(new byte[] { 1, 2 }, property("/bits/ 8 <1 2>").value().bytes());
		assertArrayEquals(new byte[] { 0, 1 }, property("/bits/ 16 <1>").value().bytes());
		assertArrayEquals(new byte[] { 0, 0, 0, 0, 0, 0, 0, 5 }, property("/bits/ 64 <5>").value().bytes());
		assertArrayEquals(new byte[] { 0x00, 0x11, (byte) 0xaa }, property("[00 11 aa]").value().bytes());
		assertArrayEquals(new byte[] { 0x01, 0x23 }, property("[0123]").value().bytes());
	}

	@Test
	void mixedValuesConcatenate() {
		assertArrayEquals(new byte[] { 'x', 0, 0, 0, 0, 7 }, property("\"x\", <7>").value().bytes());
	}

	@Test
	void unexpandedMacroLeavesTheValueUnknown() {
		assertNull(property("<GIC_SPI 5>").value());
	}
}
