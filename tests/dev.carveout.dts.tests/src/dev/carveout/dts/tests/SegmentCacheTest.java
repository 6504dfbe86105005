package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.xtext.parser.IParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.carveout.dts.DtsLanguage;
import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.CheckSettings;
import dev.carveout.dts.check.SegmentCache;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.memmap.Finding;

/**
 * The segment parse cache (docs/design/parse-pipeline.md) through the engine's entry, BoardChecker, with the
 * cache every check shares: what is parsed again after an edit, counted per file (each test's files are its
 * own, so other checks in the JVM do not disturb the counts), and that what is built from cached parses is
 * what the sources say, at their places.
 */
class SegmentCacheTest {

	private static final SegmentCache CACHE = SegmentCache.SHARED;

	@TempDir
	Path dir;

	private final BoardChecker checker = new BoardChecker(CheckSettings.defaults());

	@Test
	void anEditToOneDtsiReparsesThatFilesSegmentsOnly() {
		Boards boards = new Boards(dir);
		Path soc = boards.write("soc.dtsi", Boards.reserved("""
						modem: modem@86000000 { reg = <0x0 0x86000000 0x0 0x1000000>; no-map; };
				"""));
		Path pmic = boards.write("pmic.dtsi", """
				/ {
					pmic { compatible = "vendor,pmic"; };
				};
				""");
		Path board = boards.write("board.dts", """
				#include "soc.dtsi"
				#include "pmic.dtsi"

				&modem { reg = <0x0 0x86000000 0x0 0x2000000>; };
				""");
		CheckResult first = checker.check(board, SourceOverlay.NONE);
		assertEquals(List.of(0x2000000L), sizes(first));
		assertEquals(List.of(1L, 1L, 1L), parses(soc, pmic, board), "each file's segment parsed once");

		assertEquals(List.of(0x2000000L), sizes(checker.check(board, SourceOverlay.NONE)));
		assertEquals(List.of(1L, 1L, 1L), parses(soc, pmic, board), "an unchanged board is parsed from the cache");

		// the SoC file edited in an editor (unsaved): a second carve-out
		String edited = Boards.reserved("""
						modem: modem@86000000 { reg = <0x0 0x86000000 0x0 0x1000000>; no-map; };
						adsp@90000000 { reg = <0x0 0x90000000 0x0 0x800000>; no-map; };
				""");
		CheckResult after = checker.check(board, SourceOverlay.of(Map.of(soc, edited)));
		assertEquals(List.of(0x2000000L, 0x800000L), sizes(after));
		assertEquals(List.of(2L, 1L, 1L), parses(soc, pmic, board), "only the edited .dtsi is parsed again");
	}

	@Test
	void aFileIncludedInsideANodeStaysInItsIncludersSegment() {
		Boards boards = new Boards(dir);
		// a '};' inside a string and a comment must not end the node for the cut
		Path body = boards.write("body.dtsi", """
				label = "};";
				/* }; */
				""");
		Path tail = boards.write("tail.dtsi", """
				/ { tail { }; };
				""");
		Path board = boards.write("board.dts", """
				/dts-v1/;
				/ {
					node {
				#include "body.dtsi"
					};
				};
				#include "tail.dtsi"
				""");
		CheckResult result = checker.check(board, SourceOverlay.NONE);
		assertEquals(List.of(), result.findings());
		assertEquals(List.of("};"), result.tree().root().child("node").property("label").value().strings());
		assertTrue(result.tree().root().child("tail") != null);
		assertEquals(List.of(0L, 1L, 1L), parses(body, tail, board));
	}

	@Test
	void findingsInCachedSegmentsAreAtTheirPlaces() {
		Boards boards = new Boards(dir);
		boards.write("soc.dtsi", Boards.reserved("""
						wpss@0x84800000 { reg = <0x0 0x84800000 0x0 0x1900000>; no-map; };
				"""));
		Path board = boards.write("board.dts", """
				#include "soc.dtsi"

				/ {
					reserved-memory {
						cam@0x84300000 { reg = <0x0 0x84300000 0x0 0x500000>; };
					};
				};
				""");
		for (int check = 0; check < 2; check++) { // the first check parses, the second takes the cache
			List<String> places = Boards.byRule(checker.check(board, SourceOverlay.NONE), "R12").stream()
					.map(SegmentCacheTest::place).toList();
			assertEquals(List.of("soc.dtsi:9:3", "board.dts:5:3"), places);
		}
	}

	@Test
	void theCacheKeepsNoMoreTextThanItsBudget() {
		SegmentCache small = new SegmentCache(100);
		Path file = dir.resolve("a.dtsi");
		IParser parser = DtsLanguage.injector().getInstance(IParser.class);
		String first = "/ { a = <" + "1 ".repeat(20) + ">; };"; // 53 characters
		String second = "/ { b = <" + "2 ".repeat(20) + ">; };";
		small.parse(first, file, parser);
		small.parse(second, file, parser);
		assertEquals(1, small.size(), "106 characters do not fit in 100");
		small.parse(second, file, parser);
		assertEquals(2, small.parses(file), "the recent one is kept");
		small.parse(first, file, parser);
		assertEquals(3, small.parses(file), "the older one was dropped");
	}

	private static String place(Finding finding) {
		return finding.at().file().getFileName() + ":" + finding.at().line() + ":" + finding.at().column();
	}

	private static List<Long> sizes(CheckResult result) {
		return result.memoryMap().regions().stream().map(region -> region.reg().get(0).size()).toList();
	}

	private static List<Long> parses(Path... files) {
		return Arrays.stream(files).map(CACHE::parses).toList();
	}
}
