package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckSettings;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.dts.fdt.DtbComparison;
import dev.carveout.dts.fdt.FdtReader;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.Severity;

/**
 * A /plugin/ file compiled alone as dtc -@ compiles it (fragments, __symbols__, __fixups__, __local_fixups__),
 * each case compared with the DTBO of the machine's dtc; references the overlay cannot resolve are fixups,
 * never errors.
 */
class OverlayCompileTest {

	@TempDir
	Path dir;

	private final List<Finding> findings = new ArrayList<>();

	private void assertSameAsDtc(String source) throws Exception {
		Path overlay = new Boards(dir).write("overlay.dtso", source);
		byte[] dtbo = Dtc.compile(overlay, "-@");
		var unit = new BoardChecker(CheckSettings.defaults()).effectiveTree(overlay, SourceOverlay.NONE, true, findings);
		assertEquals(List.of(), DtbComparison.compare(unit.tree(), FdtReader.read(dtbo)), source);
		assertEquals(List.of(), findings.stream().filter(f -> f.severity() == Severity.ERROR).toList());
	}

	@Test
	void sugarBecomesFragmentsWithFixupsForTheBase() throws Exception {
		assertSameAsDtc("""
				/dts-v1/;
				/plugin/;
				&reserved_memory {
					camera_mem: camera@9e000000 { reg = <0 0x9e000000 0 0x800000>; no-map; };
				};
				&{/soc@0} { w = "s"; pool = <&camera_mem &cma 2>; };
				&cma { size = <0 0x2000000>; };
				""");
	}

	@Test
	void referencesInsideTheOverlayAreLocalFixupsAndItsLabelsMerge() throws Exception {
		assertSameAsDtc("""
				/dts-v1/;
				/plugin/;
				&foo { x = <1>; lbl: sub { y = <&bar 2 &lbl>; z = &lbl; }; };
				&lbl { k; again = <&lbl &bar>; };
				&{/soc} { w = "s"; };
				""");
	}

	@Test
	void explicitFragmentsKeepTheirNamesAndTargets() throws Exception {
		assertSameAsDtc("""
				/dts-v1/;
				/plugin/;
				/ {
					fragment@7 { target = <&baz>; __overlay__ { q = <&mine>; mine: m { }; }; };
					fragment@8 { target-path = "/chosen"; __overlay__ { bootargs = "quiet"; }; };
				};
				""");
	}

	@Test
	void theRootAfterAFirstFragmentMergesIntoIt() throws Exception {
		assertSameAsDtc("""
				/dts-v1/;
				/plugin/;
				&first { a; };
				/ { compatible = "x"; extra { b = <&first>; }; };
				&{/} { c; };
				/ { e: extra { }; };
				&{/extra} { d; };
				l: &e { f; };
				""");
	}

	@Test
	void aBoardStillReportsAMissingLabel() {
		Path board = new Boards(dir).write("board.dts", """
				/dts-v1/;
				/ { };
				&missing { a; };
				""");
		new BoardChecker(CheckSettings.defaults()).effectiveTree(board, SourceOverlay.NONE, true, findings);
		assertTrue(findings.stream().anyMatch(f -> f.severity() == Severity.ERROR && f.message().contains("missing")
				&& f.at().line() == 3), findings.toString());
	}
}
