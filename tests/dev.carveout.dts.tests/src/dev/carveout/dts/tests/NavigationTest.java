package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.carveout.dts.assist.Completion;
import dev.carveout.dts.assist.Completions;
import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.CheckSettings;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.dts.cpp.PreprocessedUnit;
import dev.carveout.dts.nav.Definitions;
import dev.carveout.dts.nav.Definitions.Definition;
import dev.carveout.dts.nav.IncludeGraph;

/**
 * The engine's go-to-definition and completion, which the editor and the language server both use: a board
 * that includes a SoC .dtsi and a dt-bindings header from an include directory.
 */
class NavigationTest {

	private static final String SOC = """
			/ {
				#address-cells = <2>;
				#size-cells = <2>;
				reserved_memory: reserved-memory {
					#address-cells = <2>;
					#size-cells = <2>;
					ranges;
					modem_mem: modem@90000000 { reg = <0x0 0x90000000 0x0 0x100000>; no-map; };
				};
			};
			""";

	private static final String SIZES = """
			#ifndef SIZES_H
			#define SIZES_H
			#define SZ_1M 0x100000
			#define DSP_SIZE (2 * SZ_1M)
			#endif
			""";

	private static final String BOARD = """
			/dts-v1/;
			#include "soc.dtsi"
			#include <dt-bindings/sizes.h>

			&reserved_memory {
				dsp_mem: dsp@90100000 { reg = <0x0 0x90100000 0x0 DSP_SIZE>; no-map; };
				pool {
					compatible = "";
				};
			};

			&{/reserved-memory/modem@90000000} { };
			/ { dev { memory-region = <&modem_mem>; }; };
			""";

	@TempDir
	Path dir;

	private Path board;
	private Path soc;
	private Path sizes;
	private CheckResult result;
	private IncludeGraph includes;

	@BeforeEach
	void writeBoard() {
		Boards boards = new Boards(dir);
		soc = boards.write("soc.dtsi", SOC);
		sizes = boards.write("include/dt-bindings/sizes.h", SIZES);
		board = boards.write("board.dts", BOARD);
		CheckSettings settings = CheckSettings.defaults().withIncludeDirs(List.of(dir.resolve("include")));
		result = new BoardChecker(settings).check(board, SourceOverlay.NONE);
		includes = new IncludeGraph(SourceOverlay.NONE, settings.includeDirs());
	}

	@Test
	void labelsAndPathsGoToWhereTheNodeIsDefined() {
		Definition label = definitionAt("&modem_mem", 3);
		assertEquals(soc, label.target().file());
		assertEquals(8, label.target().line());
		assertEquals(BOARD.indexOf("&modem_mem"), label.start());
		assertEquals("&modem_mem".length(), label.length());

		Definition path = definitionAt("&{/reserved-memory/modem@90000000}", 10);
		assertEquals(soc, path.target().file());
		assertEquals(8, path.target().line());

		assertEquals(4, definitionAt("&reserved_memory", 1).target().line());
	}

	@Test
	void includeLinesGoToTheFileCppReads() {
		assertEquals(soc, definitionAt("#include \"soc.dtsi\"", 14).target().file());
		assertEquals(sizes, definitionAt("#include <dt-bindings/sizes.h>", 2).target().file());
	}

	@Test
	void macrosGoToTheirDefineAndTheHoverKnowsWhatTheyBecame() {
		Definition macro = definitionAt("DSP_SIZE", 2);
		assertEquals(sizes, macro.target().file());
		assertEquals(4, macro.target().line());
		assertEquals(9, macro.target().column());

		PreprocessedUnit.MacroUse use = result.preprocessed().macroUseAt(board, BOARD.indexOf("DSP_SIZE") + 1);
		assertNotNull(use);
		assertEquals("DSP_SIZE", use.macro());
		assertEquals("(2 * 0x100000)", use.expansion());
		assertNull(result.preprocessed().macroUseAt(board, BOARD.indexOf("0x90100000")));
	}

	@Test
	void nothingIsDefinedWhereThereIsNoName() {
		Definitions definitions = new Definitions(result, includes);
		assertTrue(definitions.at(board, BOARD, BOARD.indexOf("no-map")).isEmpty());
		assertTrue(definitions.at(board, BOARD.replace("&modem_mem", "&nowhere"), BOARD.indexOf("&modem_mem") + 2).isEmpty());
	}

	@Test
	void completionProposesLabelsRegionValuesAndIncludePaths() {
		Completions completions = new Completions(result::tree, includes);
		String labels = BOARD.replace("<&modem_mem>", "<&mo>");
		List<Completion> afterAmpersand = completions.at(board, labels, labels.indexOf("<&mo>") + 4);
		assertTrue(labels(afterAmpersand).containsAll(List.of("reserved_memory", "modem_mem", "dsp_mem")),
				labels(afterAmpersand).toString());
		assertEquals(labels.indexOf("<&mo>") + 2, afterAmpersand.get(0).start());
		assertEquals(2, afterAmpersand.get(0).length());

		List<String> compatibles = labels(completions.at(board, BOARD, BOARD.indexOf("compatible = \"") + 14));
		assertTrue(compatibles.containsAll(List.of("shared-dma-pool", "restricted-dma-pool", "ramoops")), compatibles.toString());

		String include = BOARD.replace("#include <dt-bindings/sizes.h>", "#include <dt-bindings/si");
		List<Completion> paths = completions.at(board, include, include.indexOf("<dt-bindings/si") + "<dt-bindings/si".length());
		assertEquals(List.of("sizes.h"), labels(paths));
		assertEquals(2, paths.get(0).length(), "replaces what was typed of the name");

		String quoted = BOARD.replace("#include \"soc.dtsi\"", "#include \"");
		assertTrue(labels(completions.at(board, quoted, quoted.indexOf("#include \"") + 10)).containsAll(
				List.of("include/", "soc.dtsi", "board.dts")));
	}

	private Definition definitionAt(String text, int into) {
		int at = BOARD.indexOf(text);
		assertTrue(at >= 0, text);
		return new Definitions(result, includes).at(board, BOARD, at + into).orElseThrow(() -> new AssertionError(text));
	}

	private static List<String> labels(List<Completion> completions) {
		return completions.stream().map(Completion::label).toList();
	}
}
