package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import dev.carveout.dts.cpp.Origin;
import dev.carveout.dts.cpp.PreprocessedUnit;
import dev.carveout.memmap.SourceRef;

/** Every output character maps back to the file, line and column it came from. */
class CppOriginTest {

	private static final String MAIN = """
			/dts-v1/;
			#include "soc.dtsi"
			#define SIZE(x) ((x) * 0x1000)
			/ {
				reserved-memory {
					region@0 { reg = <0 SIZE(4)>; };
				};
			};
			""";

	private static final String SOC = """
			// the SoC
			#include <dt-bindings/soc.h>
			/ {
			\tsoc { compatible = "vendor,soc"; cells = <SOC_CELLS>; };
			};
			""";

	private static PreprocessedUnit unit() {
		return new MemorySources().file("main.dts", MAIN).file("soc.dtsi", SOC)
				.file("include/dt-bindings/soc.h", "#define SOC_CELLS 2\n  header_token;\n").run("main.dts");
	}

	private static Origin originOf(PreprocessedUnit unit, String needle) {
		int at = unit.text().indexOf(needle);
		return unit.origins().originOf(at);
	}

	@Test
	void aTokenFromAnIncludedFileMapsToThatFilesLineAndColumn() {
		PreprocessedUnit unit = unit();
		Origin o = originOf(unit, "\"vendor,soc\"");
		assertEquals(MemorySources.ROOT.resolve("soc.dtsi"), o.file());
		assertEquals(4, o.line());
		assertEquals(21, o.column());
		assertEquals(SOC.indexOf("\"vendor,soc\""), o.offset());
		assertNull(o.macro());
		// the include chain: soc.dtsi was included from main.dts line 2, and main.dts from nowhere
		assertEquals(MemorySources.ROOT.resolve("main.dts"), o.includedFrom().file());
		assertEquals(2, o.includedFrom().line());
		assertEquals(1, o.includedFrom().column());
		assertNull(o.includedFrom().includedFrom());
	}

	@Test
	void aTokenFromAHeaderTwoIncludesDeepHasTheWholeChain() {
		Origin o = originOf(unit(), "header_token");
		assertEquals(MemorySources.INCLUDE.resolve("dt-bindings/soc.h"), o.file());
		assertEquals(2, o.line());
		assertEquals(3, o.column());
		assertEquals(MemorySources.ROOT.resolve("soc.dtsi"), o.includedFrom().file());
		assertEquals(2, o.includedFrom().line());
		assertEquals(MemorySources.ROOT.resolve("main.dts"), o.includedFrom().includedFrom().file());
		assertEquals(2, o.includedFrom().includedFrom().line());
		assertNull(o.includedFrom().includedFrom().includedFrom());
	}

	@Test
	void everyCharacterOfADirectTokenMapsOneToOne() {
		PreprocessedUnit unit = unit();
		int at = unit.text().indexOf("reserved-memory");
		for (int k = 0; k < "reserved-memory".length(); k++) {
			Origin o = unit.origins().originOf(at + k);
			assertEquals(5, o.line());
			assertEquals(MAIN.lines().toList().get(4).indexOf("reserved-memory") + 1 + k, o.column());
		}
	}

	@Test
	void aMacroExpandedTokenMapsToTheInvocation() {
		PreprocessedUnit unit = unit();
		Origin o = originOf(unit, "0x1000");
		assertEquals(MemorySources.ROOT.resolve("main.dts"), o.file());
		assertEquals("SIZE", o.macro());
		assertEquals(6, o.line());
		assertEquals(MAIN.lines().toList().get(5).indexOf("SIZE") + 1, o.column());
		Origin cells = unit.origins().originOf(unit.text().indexOf("<2>") + 1);
		assertEquals("SOC_CELLS", cells.macro());
		assertEquals(MemorySources.ROOT.resolve("soc.dtsi"), cells.file());
		assertEquals(4, cells.line());
	}

	@Test
	void anOutputRangeBecomesASourceRef() {
		PreprocessedUnit unit = unit();
		int at = unit.text().indexOf("reserved-memory");
		SourceRef ref = unit.origins().sourceRef(at, at + "reserved-memory".length());
		assertEquals(MemorySources.ROOT.resolve("main.dts"), ref.file());
		assertEquals(5, ref.line());
		assertEquals(MAIN.indexOf("reserved-memory"), ref.offset());
		assertEquals("reserved-memory".length(), ref.length());
	}

	@Test
	void outputLinesFollowSourceLines() {
		PreprocessedUnit unit = unit();
		String[] lines = unit.text().split("\n");
		assertEquals("/dts-v1/;", lines[0]);
		// tokens keep their column within the line, the newline structure is the source's
		assertEquals("  header_token;", lines[1]);
		assertEquals("\tsoc { compatible = \"vendor,soc\"; cells = <2>; };", lines[3]);
	}
}
