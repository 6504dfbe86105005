package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckSettings;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.dts.check.TranslationUnit;
import dev.carveout.dts.fdt.DtbComparison;
import dev.carveout.dts.fdt.FdtReader;
import dev.carveout.dts.tree.DtTree;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.Severity;

/**
 * dtc's finishing passes on the effective tree, each checked against what dtc itself writes for the same
 * source, with and without -@.
 */
class DtcFinishingTest {

	@TempDir
	Path dir;

	private final List<Finding> findings = new ArrayList<>();

	private DtTree ours(Path board, boolean symbols) {
		TranslationUnit unit = new BoardChecker(CheckSettings.defaults()).effectiveTree(board, SourceOverlay.NONE, symbols,
				findings);
		return unit.tree();
	}

	/** Our finished tree equals dtc's DTB, both without and with -@. */
	private void assertSameAsDtc(String source) throws Exception {
		Path board = new Boards(dir).write("board.dts", source);
		for (boolean symbols : new boolean[] { false, true }) {
			byte[] dtb = symbols ? Dtc.compile(board, "-@") : Dtc.compile(board);
			findings.clear();
			List<DtbComparison.Difference> differences = DtbComparison.compare(ours(board, symbols), FdtReader.read(dtb));
			assertEquals(List.of(), differences, (symbols ? "with -@" : "without -@") + "\n" + source);
			assertEquals(List.of(), findings);
		}
	}

	@Test
	void phandlesAreNumberedInTreeOrderAroundExplicitOnes() throws Exception {
		assertSameAsDtc("""
				/dts-v1/;
				/ {
					fixed: fixed { phandle = <2>; };
					a: a { };
					b: b { c: c { }; };
					lonely: lonely { };
					user { refs = <&c &a &fixed &b>; again = <&a>; };
					self: self { phandle = <&self>; };
				};
				""");
	}

	@Test
	void pathReferencesAreSplicedInAndShiftLaterPhandles() throws Exception {
		assertSameAsDtc("""
				/dts-v1/;
				/ {
					aliases { serial0 = &uart; soc = &{/soc}; };
					chosen { stdout-path = &uart; };
					soc { uart: serial@1000 { }; };
					mixed { value = "x", &uart, <&uart 7>, &{/soc}, [ab cd], <&{/soc/serial@1000}>; };
				};
				""");
	}

	@Test
	void deletedThenRedefinedPropertiesAndNodesReturnToTheirPlace() throws Exception {
		assertSameAsDtc("""
				/dts-v1/;
				/ {
					n: node { first = <1>; second = <2>; third = <3>; gone { }; kept { }; };
					other: other { x; };
				};
				&n {
					/delete-property/ second;
					/delete-node/ gone;
				};
				/ { node { fourth = <4>; second = <22>; gone { back; }; }; };
				/delete-node/ &other;
				/ { other { y; }; user { r = <&n>; }; };
				""");
	}

	@Test
	void deletesInAFirstDefinitionHoldThePlaceOfLaterDefinitions() throws Exception {
		assertSameAsDtc("""
				/dts-v1/;
				/ {
					n { a; /delete-property/ b; c; /delete-property/ a; /delete-node/ x; y { }; };
					/delete-node/ m;
				};
				/ { n { b; x { }; }; m { z; }; };
				""");
	}

	@Test
	void labelsAreListedInDtcsOrderInSymbols() throws Exception {
		assertSameAsDtc("""
				/dts-v1/;
				/ {
					a: b: node { c: d: child { }; };
					e: f: fresh { };
				};
				/ { node { g: h: child { }; }; };
				i: &{/fresh} { };
				j: &b { };
				""");
	}

	@Test
	void omitIfNoRefNodesGoUnlessReferencedOrLabelledUnderSymbols() throws Exception {
		assertSameAsDtc("""
				/dts-v1/;
				/ {
					/omit-if-no-ref/ unused { };
					/omit-if-no-ref/ lab: labelled { };
					/omit-if-no-ref/ used: used { };
					p: parent { /omit-if-no-ref/ child { }; };
					omitted: omitted { };
					user { r = <&used &p>; };
				};
				/omit-if-no-ref/ &omitted;
				""");
	}

	@Test
	void redundantNamePropertiesAndMemreservesAreAsDtcWritesThem() throws Exception {
		assertSameAsDtc("""
				/dts-v1/;
				/memreserve/ 0x1000 0x2000;
				/ {
					node@10 { name = "node"; reg = <0x10>; };
				};
				""");
	}

	@Test
	void comparisonReportsEveryKindOfDifference() throws Exception {
		Boards boards = new Boards(dir);
		Path ours = boards.write("ours.dts", """
				/dts-v1/;
				/memreserve/ 0x1000 0x1000;
				/ { a { x = <1>; y; }; b { }; only-ours { }; };
				""");
		Path dtcs = boards.write("dtcs.dts", """
				/dts-v1/;
				/ { b { }; a { y; x = <2>; z; }; only-dtcs { }; };
				""");
		List<String> differences = DtbComparison.compare(ours(ours, false), FdtReader.read(Dtc.compile(dtcs))).stream()
				.map(Object::toString).toList();
		assertEquals(List.of(
				"/memreserve/: ours [0x1000+0x1000], dtc []",
				"/: ours children order from a: a,b, dtc b,a",
				"/a [x]: ours <0x1>, dtc <0x2>",
				"/a [z]: ours <absent>, dtc <empty>",
				"/a [<order>]: ours properties order from x: x,y, dtc y,x",
				"/only-dtcs: ours node <absent>, dtc node present",
				"/only-ours: ours node present, dtc node <absent>"), differences);
	}

	@Test
	void unresolvableReferencesAndDuplicateLabelsAreFindings() {
		Path board = new Boards(dir).write("bad.dts", """
				/dts-v1/;
				/ {
					x: one { };
					x: two { };
					user { r = <&missing>; p = &{/nowhere}; };
				};
				""");
		ours(board, true);
		List<String> messages = findings.stream().map(Finding::message).toList();
		assertTrue(messages.contains("Reference to non-existent node or label \"missing\""), messages.toString());
		assertTrue(messages.contains("Reference to non-existent node or label \"/nowhere\""), messages.toString());
		assertTrue(messages.stream().anyMatch(m -> m.startsWith("Duplicate label 'x' on /two and /one")),
				messages.toString());
		assertFalse(findings.isEmpty());
	}

	/**
	 * tests/fuzz.sh found a name check reading the name of a node that the parser's recovery left without one (a
	 * .dtsi cut after a /omit-if-no-ref/, the next file's &label then inside the node): the board gets its syntax
	 * error, not a NullPointerException.
	 */
	@Test
	void aNameLostInASyntaxErrorIsLeftToThatError() throws Exception {
		for (String tail : List.of("\t/omit-if-no-ref/\n", "\t/omit-if-no-ref/\n};\n",
				"\t/omit-if-no-ref/\n\tp: p { x; };\n\t/omit-if-no-ref/\n&a {\n\tq { y; };\n};\n")) {
			String source = "/dts-v1/;\n/ { a: a { }; };\n&a {\n" + tail;
			Path board = new Boards(dir).write("board.dts", source);
			List<Finding> found = new BoardChecker(CheckSettings.defaults()).check(board, SourceOverlay.NONE).findings();
			assertTrue(found.stream().anyMatch(f -> f.severity() == Severity.ERROR), source + "\n" + found);
		}
	}

	/**
	 * tests/fuzz.sh 100000 found a body /include/ whose name the parser's recovery lost (a node written right after
	 * "/include/", its string later on the line): the search resolved a null name. The syntax error is the finding.
	 */
	@Test
	void anIncludeWhoseNameWasLostInASyntaxErrorIsLeftToThatError() throws Exception {
		String source = "/dts-v1/;\n/ {\n\tmodel = \"m\";\n"
				+ "/include/memory@0 { device_type = \"memory\"; reg = <0 0 0 0x1000>; }; \"/tmp\"\n};\n";
		Path board = new Boards(dir).write("board.dts", source);
		List<Finding> found = new BoardChecker(CheckSettings.defaults()).check(board, SourceOverlay.NONE).findings();
		assertTrue(found.stream().anyMatch(f -> f.severity() == Severity.ERROR), found::toString);
		assertTrue(found.stream().noneMatch(f -> f.message().contains("NullPointerException")), found::toString);
	}
}
