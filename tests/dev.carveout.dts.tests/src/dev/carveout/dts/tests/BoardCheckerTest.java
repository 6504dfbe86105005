package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.CheckSettings;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.Region;
import dev.carveout.memmap.Severity;

class BoardCheckerTest {

	@TempDir
	Path dir;

	@Test
	void overlappingCarveOutsAreAnErrorOnTheLineOfTheirReg() {
		Boards boards = new Boards(dir);
		Path board = boards.write("board.dts", Boards.reserved("""
						a: first@80000000 { reg = <0x0 0x80000000 0x0 0x200000>; no-map; };
						second@80100000 {
							reg = <0x0 0x80100000 0x0 0x200000>;
							no-map;
						};
				"""));
		List<Finding> overlaps = Boards.byRule(boards.check(board), "R8");
		assertEquals(1, overlaps.size(), overlaps.toString());
		Finding overlap = overlaps.get(0);
		assertEquals(Severity.ERROR, overlap.severity());
		assertEquals(board, overlap.at().file());
		assertEquals(9, overlap.at().line());
		assertEquals("/reserved-memory/first@80000000", overlap.nodePath());
		assertTrue(overlap.message().contains("second@80100000"), overlap.message());
	}

	@Test
	void touchingRegionsAndDisabledRegionsDoNotOverlap() {
		Boards boards = new Boards(dir);
		Path board = boards.write("board.dts", Boards.reserved("""
						first@80000000 { reg = <0x0 0x80000000 0x0 0x100000>; };
						second@80100000 { reg = <0x0 0x80100000 0x0 0x100000>; };
						off@80100000 { reg = <0x0 0x80100000 0x0 0x100000>; status = "disabled"; };
				"""));
		assertEquals(List.of(), Boards.byRule(boards.check(board), "R8"));
	}

	@Test
	void unitAddressWithHexPrefixIsFlaggedAsInTheQualcommGuide() {
		Boards boards = new Boards(dir);
		Path board = boards.write("board.dts", Boards.reserved("""
						wpss@0x84800000 { reg = <0x0 0x84800000 0x0 0x1900000>; no-map; };
						adsp@86100001 { reg = <0x0 0x86100000 0x0 0x2800000>; no-map; };
						camera@84300000 { reg = <0x0 0x84300000 0x0 0x500000>; no-map; };
				"""));
		List<Finding> findings = Boards.byRule(boards.check(board), "R12");
		assertEquals(List.of("/reserved-memory/wpss@0x84800000", "/reserved-memory/adsp@86100001"),
				findings.stream().map(Finding::nodePath).toList());
		assertTrue(findings.get(0).message().contains("@84800000"), findings.get(0).message());
	}

	@Test
	void boardOverridesMergeIntoTheIncludedSocByLabel() {
		Boards boards = new Boards(dir);
		boards.write("soc.dtsi", Boards.reserved("""
						adsp_mem: adsp@86100000 { reg = <0x0 0x86100000 0x0 0x2800000>; no-map; };
						gone: gone@90000000 { reg = <0x0 0x90000000 0x0 0x100000>; };
				"""));
		Path board = boards.write("board.dts", """
				#include "soc.dtsi"

				&adsp_mem {
					reg = <0x0 0x86100000 0x0 (0x1000000 + 0x800000)>;
				};

				/delete-node/ &gone;
				""");
		CheckResult result = boards.check(board);
		assertEquals(List.of(), result.findings());
		List<Region> regions = result.memoryMap().regions();
		assertEquals(1, regions.size());
		Region adsp = regions.get(0);
		assertEquals(0x1800000L, adsp.reg().get(0).size());
		assertEquals(board, adsp.definedAt("reg").file(), "the board's override defines reg");
		assertEquals(4, adsp.definedAt("reg").line());
		assertTrue(adsp.definedAt("no-map").file().endsWith("soc.dtsi"));
	}

	@Test
	void macrosFromHeadersExpandAsCppExpandsThemAndFindingsStayInTheBoard() {
		Boards boards = new Boards(dir);
		boards.write("include/dt-bindings/carveouts.h", """
				#define CARVEOUT(base, size) 0x0 (base) 0x0 (size)
				#define SZ_2M 0x200000
				""");
		Path board = boards.write("board.dts", "#include <dt-bindings/carveouts.h>\n" + Boards.reserved("""
						first@80000000 { reg = <CARVEOUT(0x80000000, SZ_2M)>; };
						second@80100000 {
							reg = <CARVEOUT(0x80100000, SZ_2M)>;
						};
				"""));
		CheckResult result = new BoardChecker(CheckSettings.defaults().withIncludeDirs(List.of(dir.resolve("include"))))
				.check(board, SourceOverlay.NONE);
		List<Finding> overlaps = Boards.byRule(result, "R8");
		assertEquals(1, overlaps.size(), result.findings().toString());
		assertEquals(board, overlaps.get(0).at().file());
		assertEquals(10, overlaps.get(0).at().line(), "the reg line in the board, not the header");
		assertEquals(0x200000L, result.memoryMap().regions().get(1).reg().get(0).size());
	}

	@Test
	void missingIncludeIsReportedOnTheIncludeLine() {
		Boards boards = new Boards(dir);
		Path board = boards.write("board.dts", "/dts-v1/;\n#include \"nowhere.dtsi\"\n/ { };\n");
		List<Finding> input = Boards.byRule(boards.check(board), BoardChecker.RULE_INPUT);
		assertEquals(1, input.size());
		assertEquals(2, input.get(0).at().line());
		assertTrue(input.get(0).message().contains("nowhere.dtsi"));
	}

	@Test
	void syntaxErrorInAnIncludedFileShowsThereAndOnTheIncludeLine() {
		Boards boards = new Boards(dir);
		Path soc = boards.write("soc.dtsi", "/ {\n\tbroken = <1 2;\n};\n");
		Path board = boards.write("board.dts", "/dts-v1/;\n\n#include \"soc.dtsi\"\n");
		List<Finding> syntax = Boards.byRule(boards.check(board), BoardChecker.RULE_SYNTAX);
		assertTrue(syntax.stream().anyMatch(f -> f.at().file().equals(soc) && f.at().line() == 2), syntax.toString());
		Finding onInclude = syntax.stream().filter(f -> f.at().file().equals(board)).findFirst().orElse(null);
		assertNotNull(onInclude, syntax.toString());
		assertEquals(3, onInclude.at().line());
		assertTrue(onInclude.message().contains("soc.dtsi"));
	}

	@Test
	void parsingRecoversAfterASyntaxErrorAndStillChecksTheRest() {
		Boards boards = new Boards(dir);
		Path board = boards.write("board.dts", Boards.reserved("""
						bad@1 { reg = <0x0 0x1 0x0 ; };
						first@80000000 { reg = <0x0 0x80000000 0x0 0x200000>; };
						second@80100000 { reg = <0x0 0x80100000 0x0 0x200000>; };
				"""));
		CheckResult result = boards.check(board);
		assertEquals(1, Boards.byRule(result, BoardChecker.RULE_SYNTAX).size(), result.findings().toString());
		assertEquals(1, Boards.byRule(result, "R8").size(), result.findings().toString());
	}

	@Test
	void unsavedEditorContentTakesPrecedenceOverTheFile() {
		Boards boards = new Boards(dir);
		Path board = boards.write("board.dts", Boards.reserved("""
						first@80000000 { reg = <0x0 0x80000000 0x0 0x200000>; };
				"""));
		String edited = Boards.reserved("""
						first@80000000 { reg = <0x0 0x80000000 0x0 0x200000>; };
						second@80100000 { reg = <0x0 0x80100000 0x0 0x200000>; };
				""");
		CheckResult result = new BoardChecker(CheckSettings.defaults()).check(board, SourceOverlay.of(Map.of(board, edited)));
		assertEquals(1, Boards.byRule(result, "R8").size());
		assertEquals(0, Boards.byRule(boards.check(board), "R8").size());
	}
}
