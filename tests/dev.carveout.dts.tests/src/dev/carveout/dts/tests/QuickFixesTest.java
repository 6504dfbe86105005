package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.CheckSettings;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.dts.fix.Fix;
import dev.carveout.dts.fix.FixOffer;
import dev.carveout.dts.fix.QuickFixes;
import dev.carveout.dts.fix.TextEdit;
import dev.carveout.memmap.Finding;

/** Fixes remove what they target, add nothing, touch only the values they must, in the file that defined them. */
class QuickFixesTest {

	@TempDir
	Path dir;

	private final BoardChecker checker = new BoardChecker(CheckSettings.defaults());

	private List<Fix> fixes(Path board, String rule) {
		CheckResult result = checker.check(board, SourceOverlay.NONE);
		Finding finding = Boards.byRule(result, rule).get(0);
		return new QuickFixes(checker).fixesFor(finding, result, SourceOverlay.NONE);
	}

	private FixOffer offer(Path board, String rule) {
		CheckResult result = checker.check(board, SourceOverlay.NONE);
		Finding finding = Boards.byRule(result, rule).get(0);
		return new QuickFixes(checker).offer(finding, result, SourceOverlay.NONE);
	}

	/** The board after the fix, as the editor would hold it: every edited file replaced. */
	private CheckResult apply(Path board, Fix fix) throws Exception {
		for (Path file : fix.files()) {
			Files.writeString(file, TextEdit.apply(Files.readString(file), fix.editsOf(file)));
		}
		return checker.check(board, SourceOverlay.NONE);
	}

	private Fix labelled(List<Fix> fixes, String start) {
		return fixes.stream().filter(f -> f.label().startsWith(start)).findFirst()
				.orElseThrow(() -> new AssertionError("no fix '" + start + "' in " + fixes));
	}

	@Test
	void unitAddressFixRenamesTheNodeOnly() throws Exception {
		Path board = new Boards(dir).write("board.dts", Boards.reserved("""
						wpss_mem: wpss@0x84800000 { reg = <0x0 0x84800000 0x0 0x1900000>; no-map; };
				"""));
		Fix fix = labelled(fixes(board, "R12"), "Rename to wpss@84800000");
		assertEquals(1, fix.edits().size());
		CheckResult after = apply(board, fix);
		assertEquals(List.of(), after.findings());
		assertTrue(Files.readString(board).contains("wpss_mem: wpss@84800000 { reg = <0x0 0x84800000 0x0 0x1900000>; no-map; };"));
	}

	@Test
	void noMapWithReusableOffersDroppingEither() throws Exception {
		Path board = new Boards(dir).write("board.dts", Boards.reserved("""
						pool@80000000 {
							compatible = "shared-dma-pool";
							reg = <0x0 0x80000000 0x0 0x400000>;
							no-map;
							reusable;
						};
				"""));
		List<Fix> fixes = fixes(board, "R6");
		assertEquals(List.of("Remove no-map from pool@80000000", "Remove reusable from pool@80000000"), fixes.stream().map(Fix::label).toList());
		String before = Files.readString(board);
		assertEquals(List.of(), apply(board, fixes.get(0)).findings());
		assertEquals(before.replace("\t\t\tno-map;\n", ""), Files.readString(board), "the whole line goes, nothing else");
	}

	@Test
	void misalignedCarveOutIsRoundedKeepingTheNumberStyle() throws Exception {
		Path board = new Boards(dir).write("board.dts", Boards.reserved("""
						fw@80080000 { reg = <0x0 0x80080000 0x0 0xC0000>; };
				"""));
		List<Fix> fixes = fixes(board, "R13");
		Fix down = labelled(fixes, "Align fw@80080000 to 1 MiB: base 0x80000000, size 0x200000");
		apply(board, down);
		String text = Files.readString(board);
		assertTrue(text.contains("fw@80000000 { reg = <0x0 0x80000000 0x0 0x200000>; };"), text);
	}

	@Test
	void overlapOffersMoveShiftAndShrinkThatAllRemoveIt() throws Exception {
		String children = """
						a@80000000 { reg = <0x0 0x80000000 0x0 0x200000>; };
						b@80100000 { reg = <0x0 0x80100000 0x0 0x100000>; };
						c@80200000 { reg = <0x0 0x80200000 0x0 0x100000>; };
				""";
		Path board = new Boards(dir).write("board.dts", Boards.reserved(children));
		List<Fix> fixes = fixes(board, "R8");
		assertTrue(fixes.size() >= 2, fixes.toString());
		for (Fix fix : fixes) {
			Files.writeString(board, Boards.reserved(children));
			CheckResult after = apply(board, fix);
			assertEquals(List.of(), Boards.byRule(after, "R8"), fix.label() + " -> " + Files.readString(board));
			assertEquals(List.of(), after.findings(), fix.label());
		}
		Files.writeString(board, Boards.reserved(children));
		apply(board, labelled(fixes, "Shrink a@80000000 to 0x100000"));
		assertTrue(Files.readString(board).contains("a@80000000 { reg = <0x0 0x80000000 0x0 0x100000>; };"));
	}

	@Test
	void aFixThatWouldCreateANewOverlapIsNotOffered() throws Exception {
		// Moving 'b' after 'a' would land on 'c', which fills the rest of RAM: only fixes that make things better remain.
		Path board = new Boards(dir).write("board.dts", Boards.HEADER + """
					memory@80000000 { device_type = "memory"; reg = <0x0 0x80000000 0x0 0x400000>; };
					reserved-memory {
						#address-cells = <2>;
						#size-cells = <2>;
						ranges;
						a@80000000 { reg = <0x0 0x80000000 0x0 0x200000>; };
						b@80100000 { reg = <0x0 0x80100000 0x0 0x100000>; };
						c@80200000 { reg = <0x0 0x80200000 0x0 0x200000>; };
					};
				};
				""");
		List<Fix> fixes = fixes(board, "R8");
		assertFalse(fixes.isEmpty(), "shift and shrink still fix the overlap");
		for (Fix fix : fixes) {
			assertTrue(!fix.label().startsWith("Move"), "no room in RAM to move into: " + fix.label());
		}
	}

	@Test
	void theFixEditsTheFileThatLastDefinedTheValue() throws Exception {
		Boards boards = new Boards(dir);
		Path soc = boards.write("soc.dtsi", Boards.reserved("""
						fw: fw@80080000 { reg = <0x0 0x80080000 0x0 0x100000>; };
				"""));
		Path board = boards.write("board.dts", "#include \"soc.dtsi\"\n&fw {\n\treg = <0x0 0x80080000 0x0 0x80000>;\n};\n");
		Fix fix = fixes(board, "R13").get(0);
		assertEquals(2, fix.editsOf(board).size(), "base and size of reg, which the board's override defines: " + fix.edits());
		assertEquals(1, fix.editsOf(soc).size(), "the unit address follows the base, where soc.dtsi defines the node");
		assertEquals(List.of(), apply(board, fix).findings());
		assertTrue(Files.readString(board).contains("reg = <0x0 0x80000000 0x0 0x100000>;"), Files.readString(board));
		assertTrue(Files.readString(soc).contains("fw: fw@80000000 { reg = <0x0 0x80080000 0x0 0x100000>; };"),
				"soc.dtsi's own reg stays as it was: the board overrides it");
	}

	@Test
	void valuesWrittenWithExpressionsGetNoFixAndSayWhy() {
		Path board = new Boards(dir).write("board.dts", Boards.reserved("""
						fw@80080000 { reg = <0x0 (0x80000000 + 0x80000) 0x0 0x100000>; };
				"""));
		assertEquals(List.of(), fixes(board, "R13"));
		assertEquals("no quick fix: reg of fw@80080000 is written with an expression (board.dts:9); a fix rewrites only plain numbers, so change it by hand",
				offer(board, "R13").whyNone());
	}

	@Test
	void valuesWrittenWithAHeadersMacroGetNoFixAndSayWhich() {
		Boards boards = new Boards(dir);
		boards.write("sizes.h", "#define SZ_512K 0x80000\n");
		Path board = boards.write("board.dts", "#include \"sizes.h\"\n" + Boards.reserved("""
						fw@80080000 { reg = <0x0 0x80080000 0x0 SZ_512K>; };
				"""));
		FixOffer offer = offer(board, "R13");
		assertEquals(List.of(), offer.fixes());
		assertTrue(offer.whyNone().startsWith("no quick fix: reg of fw@80080000 is written with the macro SZ_512K (board.dts:10)"), offer.whyNone());
	}

	@Test
	void markersOfFindingsAMacroKeepsFromFixingSayWhyAndNoOthers() {
		Path board = new Boards(dir).write("board.dts", "#define FW_SIZE 0x80000\n" + Boards.reserved("""
						fw@80080000 { reg = <0x0 0x80080000 0x0 FW_SIZE>; };
						wpss@0x84800000 { reg = <0x0 0x84800000 0x0 0x1900000>; };
				"""));
		CheckResult result = checker.check(board, SourceOverlay.NONE);
		List<Finding> explained = new QuickFixes(checker).explained(result, SourceOverlay.NONE);
		assertEquals(result.findings().size(), explained.size());
		Finding fw = explained.stream().filter(f -> f.ruleId().equals("R13")).findFirst().orElseThrow();
		assertTrue(fw.message().endsWith("(no quick fix: reg of fw@80080000 is written with the macro FW_SIZE (board.dts:10); "
				+ "a fix rewrites only plain numbers, so change it by hand)"), fw.message());
		Finding wpss = explained.stream().filter(f -> f.ruleId().equals("R12")).findFirst().orElseThrow();
		assertEquals(Boards.byRule(result, "R12").get(0), wpss, "a finding that has a fix keeps its message");
	}

	@Test
	void reservedMemoryWithoutCellsAndRangesGetsTheRootsOnTheirOwnLines() throws Exception {
		Path board = new Boards(dir).write("board.dts", Boards.HEADER + """
					reserved-memory {
						fw@80000000 { reg = <0x0 0x80000000 0x0 0x200000>; no-map; };
					};
				};
				""");
		Fix fix = labelled(fixes(board, "R1"), "Set #address-cells = <2>, #size-cells = <2>, ranges in reserved-memory");
		assertEquals(List.of(), apply(board, fix).findings());
		assertTrue(Files.readString(board).contains(
				"\treserved-memory {\n\t\t#address-cells = <2>;\n\t\t#size-cells = <2>;\n\t\tranges;\n\t\tfw@80000000 {"),
				Files.readString(board));
	}

	@Test
	void aWrongCellCountIsRewrittenInPlaceAndRangesAddedInCrLfFiles() throws Exception {
		Path board = new Boards(dir).write("board.dts", (Boards.HEADER + """
					reserved-memory { #address-cells = <2>; #size-cells = <1>;
						fw@80000000 { reg = <0x0 0x80000000 0x0 0x200000>; no-map; };
					};
				};
				""").replace("\n", "\r\n"));
		Fix fix = labelled(fixes(board, "R1"), "Set #size-cells = <2>, ranges in reserved-memory");
		assertEquals(List.of(), apply(board, fix).findings());
		String text = Files.readString(board);
		assertTrue(text.contains("reserved-memory { ranges; #address-cells = <2>; #size-cells = <2>;\r\n"), text);
		assertFalse(text.replace("\r\n", "").contains("\n"), "no bare line feed in a CRLF file");
	}

	@Test
	void cellsAreNotChangedUnderRegionsWrittenForTheOldOnes() {
		// Root 2+2, /reserved-memory 1+1 with its regions in 1+1: setting 2+2 would make every reg invalid (R2).
		Path board = new Boards(dir).write("board.dts", Boards.HEADER + """
					reserved-memory {
						#address-cells = <1>;
						#size-cells = <1>;
						ranges;
						fw@80000000 { reg = <0x80000000 0x200000>; no-map; };
					};
				};
				""");
		FixOffer offer = offer(board, "R1");
		assertEquals(List.of(), offer.fixes());
		assertEquals("no quick fix: the 1 way(s) to fix it tried would each add a finding or leave this one", offer.whyNone(),
				"plain numbers: no macro to blame, but the fix was tried and refused");
	}

	@Test
	void cellsFromAMacroGetNoFixAndSayWhich() {
		Path board = new Boards(dir).write("board.dts", "#define CELLS 1\n" + Boards.HEADER + """
					reserved-memory {
						#address-cells = <2>;
						#size-cells = <CELLS>;
						ranges;
					};
				};
				""");
		FixOffer offer = offer(board, "R1");
		assertEquals(List.of(), offer.fixes());
		assertTrue(offer.whyNone().startsWith("no quick fix: #size-cells of /reserved-memory is written with the macro CELLS (board.dts:8)"),
				offer.whyNone());
	}

	@Test
	void severalRegEntriesAreSplitIntoOneNodePerEntryWithTheLabelOnTheFirst() throws Exception {
		Path board = new Boards(dir).write("board.dts", Boards.reserved("""
						fw_mem: fw@80000000 {
							reg = <0x0 0x80000000 0x0 0x100000>, <0x0 0x80400000 0x0 0x100000>;
							no-map;
						};
				"""));
		Fix fix = labelled(fixes(board, "R4"), "Split fw@80000000 into 2 nodes");
		assertEquals(List.of(), apply(board, fix).findings());
		assertTrue(Files.readString(board).contains("""
						fw_mem: fw@80000000 {
							reg = <0x0 0x80000000 0x0 0x100000>;
							no-map;
						};
						fw@80400000 {
							reg = <0x0 0x80400000 0x0 0x100000>;
							no-map;
						};
				"""), Files.readString(board));
	}

	@Test
	void aSplitIsNotOfferedForRegWrittenWithAMacro() {
		Path board = new Boards(dir).write("board.dts", "#define FW_SIZE 0x100000\n" + Boards.reserved("""
						fw@80000000 { reg = <0x0 0x80000000 0x0 FW_SIZE>, <0x0 0x80400000 0x0 0x100000>; };
				"""));
		FixOffer offer = offer(board, "R4");
		assertEquals(List.of(), offer.fixes());
		assertTrue(offer.whyNone().contains("is written with the macro FW_SIZE"), offer.whyNone());
	}

	@Test
	void aSplitIsNotOfferedWhenABoardOverridesTheRegOfASocNode() {
		Boards boards = new Boards(dir);
		boards.write("soc.dtsi", Boards.reserved("""
						fw: fw@80000000 { reg = <0x0 0x80000000 0x0 0x100000>; };
				"""));
		Path board = boards.write("board.dts", "#include \"soc.dtsi\"\n&fw {\n\treg = <0x0 0x80000000 0x0 0x100000>, <0x0 0x80400000 0x0 0x100000>;\n};\n");
		assertEquals(List.of(), fixes(board, "R4"), "copies of the SoC's node would not carry the board's reg");
	}
}
