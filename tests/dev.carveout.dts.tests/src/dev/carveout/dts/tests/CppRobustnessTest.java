package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.carveout.dts.cpp.CppDiagnostic;
import dev.carveout.dts.cpp.PreprocessedUnit;

/**
 * An editor feeds the preprocessor half-typed text: random damage to a board must give diagnostics, never an
 * exception or an internal error, and every output character must still map to a source place.
 */
class CppRobustnessTest {

	/**
	 * The diagnostics broken text may give, in GNU cpp's words: anything else (an internal error, a Java
	 * exception's text, "nesting too deep", a diagnostic without a place) fails the test.
	 */
	private static final List<Pattern> NORMAL = List.of("unterminated (comment|#\\w+)", "unterminated argument list invoking macro \".*\"",
			"#\\w+ (may not be used inside macro arguments|without #if|after #else)", "#endif without #if",
			"no macro name given in #\\w+ directive", "#if with no expression", "missing binary operator before token \".*\"",
			"'\\?' without following ':'", "division by zero in #if", "token \".*\" is not valid in preprocessor expressions",
			"missing '\\)' (in expression|in macro parameter list|after \"defined\"|after \"\\.\\.\\.\")",
			"invalid integer constant \".*\" in #if", "(integer|floating) constant .*", "empty character constant",
			"macro names must be identifiers", "\"defined\" cannot be used as a macro name", "duplicate macro parameter \".*\"",
			"expected (parameter name|',' or '\\)'), found \".*\"", "'##' cannot appear at either end of a macro expansion",
			"operator \"defined\" requires an identifier", "operator \".*\" requires a header-name",
			"#\\w+ expects \"FILENAME\" or <FILENAME>", "empty filename in #\\w+", ".*: No such file or directory \\(searched: .*\\)",
			"macro \".*\" (requires \\d+ arguments, but only \\d+ given|passed \\d+ arguments, but takes just \\d+)")
			.stream().map(Pattern::compile).toList();

	private static boolean normal(CppDiagnostic d) {
		return d.at() != null && NORMAL.stream().anyMatch(p -> p.matcher(d.message()).matches());
	}

	private static final String BOARD = """
			/dts-v1/;
			#include "soc.dtsi"
			#include <dt-bindings/gpio.h>
			#define REG(base, size) <0x0 base 0x0 size>
			#define LABEL(x) x##_die0
			#define LIST(...) __VA_ARGS__
			/ {
				#address-cells = <2>;
				#size-cells = <2>;
			#if defined(GPIO_ACTIVE_LOW) && GPIO_ACTIVE_LOW == 1
				LABEL(mem): memory@80000000 { reg = REG(0x80000000, 0x1000); };
			#else
				broken;
			#endif
				it's = "a string", 'c', LIST(1, 2, 3);
				/* comment */ gpios = <&gpio 5 GPIO_ACTIVE_LOW>; // tail
			};
			""";

	private static final String JUNK = "()#\\\"'\n,/*<>#define X(a) a##b\n#if\n#endif\n__VA_ARGS__ ...#include ";

	@Test
	void damagedBoardsNeverBreakThePreprocessor() {
		Random random = new Random(20261125);
		for (int round = 0; round < 2000; round++) {
			StringBuilder text = new StringBuilder(BOARD);
			for (int edits = 1 + random.nextInt(8); edits > 0; edits--) {
				int at = random.nextInt(text.length());
				if (random.nextBoolean()) {
					text.deleteCharAt(at);
				} else {
					int from = random.nextInt(JUNK.length());
					text.insert(at, JUNK, from, Math.min(JUNK.length(), from + 1 + random.nextInt(10)));
				}
			}
			PreprocessedUnit unit = new MemorySources().file("main.dts", text.toString())
					.file("soc.dtsi", "/ { soc { }; };\n").file("include/dt-bindings/gpio.h", "#define GPIO_ACTIVE_LOW 1\n")
					.run("main.dts");
			for (CppDiagnostic d : unit.diagnostics()) {
				assertTrue(normal(d), () -> "not a diagnostic of broken text: " + d + " for:\n" + text);
			}
			for (int offset = 0; offset < unit.text().length(); offset++) {
				assertNotNull(unit.origins().originOf(offset), text::toString);
			}
		}
	}

	/**
	 * A board saved as UTF-16 has a NUL beside every character: cpp warns at each, we keep the first hundred, so
	 * the findings and the editor's markers stay a readable size.
	 */
	@Test
	void aUtf16BoardGivesAHundredNulWarningsNotOneAPerCharacter() {
		String utf16 = new String(BOARD.getBytes(java.nio.charset.StandardCharsets.UTF_16LE),
				java.nio.charset.StandardCharsets.ISO_8859_1);
		PreprocessedUnit unit = new MemorySources().file("main.dts", utf16).run("main.dts");
		List<CppDiagnostic> nuls = unit.diagnostics().stream().filter(d -> d.message().startsWith("null character(s)")).toList();
		assertEquals(100, nuls.size(), () -> unit.diagnostics().size() + " diagnostics");
		assertTrue(nuls.stream().allMatch(d -> d.at() != null && d.at().file().endsWith("main.dts")), nuls::toString);
	}

	@Test
	void absurdNestingIsADiagnosticNotACrash() {
		String deep = "#if " + "(".repeat(200_000) + "1" + ")".repeat(200_000) + "\nx\n#endif\n";
		PreprocessedUnit unit = new MemorySources().file("main.dts", deep).run("main.dts");
		assertNotNull(unit.text());
		assertFalse(unit.diagnostics().stream().anyMatch(d -> d.message().startsWith("internal")),
				unit.diagnostics()::toString);
	}
}
