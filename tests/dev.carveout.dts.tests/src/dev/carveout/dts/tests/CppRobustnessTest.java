package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.carveout.dts.cpp.PreprocessedUnit;

/**
 * An editor feeds the preprocessor half-typed text: random damage to a board must give diagnostics, never an
 * exception or an internal error, and every output character must still map to a source place.
 */
class CppRobustnessTest {

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
			assertFalse(unit.diagnostics().stream().anyMatch(d -> d.message().startsWith("internal")),
					() -> unit.diagnostics() + " for:\n" + text);
			for (int offset = 0; offset < unit.text().length(); offset++) {
				assertNotNull(unit.origins().originOf(offset), text::toString);
			}
		}
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
