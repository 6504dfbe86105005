package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
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
 * Composite boards: the base and its overlays compiled with dtc -@ and applied in order by the engine must
 * equal what the machine's fdtoverlay makes of the same DTBs, and an overlay that cannot be applied is a finding
 * on the overlay's line naming what is missing.
 */
class OverlayApplicationTest {

	@TempDir
	Path dir;

	private final List<Finding> findings = new ArrayList<>();

	private static final String BASE = """
			/dts-v1/;
			/ {
				#address-cells = <2>; #size-cells = <2>;
				model = "base";
				reserved_memory: reserved-memory {
					#address-cells = <2>; #size-cells = <2>; ranges;
					modem: modem@86000000 { reg = <0 0x86000000 0 0x1000000>; no-map; };
				};
				soc: soc@0 {
					dsp: dsp@1000 { memory-region = <&modem>; status = "disabled"; };
					cam { };
				};
				chosen { };
			};
			""";

	private DtTree composite(String... sources) {
		List<Path> parts = new ArrayList<>();
		for (int i = 0; i < sources.length; i++) {
			parts.add(new Boards(dir).write(i == 0 ? "base.dts" : "overlay" + i + ".dtso", sources[i]));
		}
		TranslationUnit unit = new BoardChecker(CheckSettings.defaults()).effectiveTree(parts, SourceOverlay.NONE, findings);
		return unit.tree();
	}

	private void assertSameAsFdtoverlay(String... sources) throws Exception {
		DtTree ours = composite(sources);
		List<String> command = new ArrayList<>(List.of("fdtoverlay", "-o", dir.resolve("out.dtb").toString(), "-i"));
		for (int i = 0; i < sources.length; i++) {
			Path part = dir.resolve(i == 0 ? "base.dts" : "overlay" + i + ".dtso");
			Path dtb = dir.resolve(part.getFileName() + ".dtb");
			Files.write(dtb, Dtc.compile(part, "-@"));
			command.add(dtb.toString());
		}
		run(command);
		assertEquals(List.of(), DtbComparison.compare(ours, FdtReader.read(Files.readAllBytes(dir.resolve("out.dtb")))));
		assertEquals(List.of(), findings.stream().filter(f -> f.severity() == Severity.ERROR).toList());
	}

	private static void run(List<String> command) throws IOException, InterruptedException {
		String output = fdtoverlay(command);
		if (output != null) {
			fail(command + " failed:\n" + output);
		}
	}

	/** fdtoverlay's error output, or null when it succeeded. */
	private static String fdtoverlay(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		return process.waitFor() == 0 ? null : output;
	}

	@Test
	void aTargetRenumberedByTheMergeFailsAsInFdtoverlay() throws Exception {
		String overlay = """
				/dts-v1/;
				/plugin/;
				&soc { bridge: bridge@2000 { }; };
				/ { fragment@9 { target-path = "/soc@0"; renumbers_soc: __overlay__ { x; }; }; };
				""";
		composite(BASE, overlay);
		Files.write(dir.resolve("base.dtb"), Dtc.compile(dir.resolve("base.dts"), "-@"));
		Files.write(dir.resolve("overlay.dtbo"), Dtc.compile(dir.resolve("overlay1.dtso"), "-@"));
		String error = fdtoverlay(List.of("fdtoverlay", "-o", dir.resolve("out.dtb").toString(), "-i",
				dir.resolve("base.dtb").toString(), dir.resolve("overlay.dtbo").toString()));
		assertTrue(error != null && error.contains("FDT_ERR_NOTFOUND"), "fdtoverlay: " + error);
		assertTrue(findings.stream().anyMatch(f -> f.severity() == Severity.ERROR && f.message().contains("fragment@0")
				&& f.at().file().getFileName().toString().equals("overlay1.dtso") && f.at().line() == 3), findings.toString());
	}

	@Test
	void fragmentsMergeIntoTheirTargetsAsLibfdtSplicesThem() throws Exception {
		assertSameAsFdtoverlay(BASE, """
				/dts-v1/;
				/plugin/;
				&reserved_memory {
					camera_mem: camera@9e000000 { reg = <0 0x9e000000 0 0x800000>; no-map; };
					adsp_mem: adsp@9f000000 { reg = <0 0x9f000000 0 0x100000>; };
				};
				&dsp { status = "okay"; memory-region = <&modem &camera_mem>; firmware = "dsp.mbn"; extra; };
				&{/chosen} { bootargs = "quiet"; };
				&soc { cam { mine: sensor { pool = <&camera_mem &mine>; }; }; };
				""");
	}

	@Test
	void anOverlayAppliesOnTopOfAnOverlayAndPhandlesMovePastTheBase() throws Exception {
		assertSameAsFdtoverlay(BASE, """
				/dts-v1/;
				/plugin/;
				&soc { bridge: bridge@2000 { peer = <&bridge &dsp>; }; };
				/ { fragment@9 { target-path = "/soc@0"; __overlay__ { x; }; }; };
				""", """
				/dts-v1/;
				/plugin/;
				&bridge { panel: panel { backlight = <&panel &bridge &modem>; }; };
				""");
	}

	@Test
	void aLabelOnAnOverlayNodeItselfKeepsLibfdtsTrailingSlash() throws Exception {
		assertSameAsFdtoverlay(BASE, """
				/dts-v1/;
				/plugin/;
				/ { fragment@3 { target-path = "/chosen"; on_chosen: __overlay__ { x; }; }; };
				""");
	}

	@Test
	void aMissingLabelIsAFindingOnTheOverlayLineThatUsesIt() {
		composite(BASE, """
				/dts-v1/;
				/plugin/;
				&soc {
					user { memory-region = <&no_such_region>; };
				};
				""");
		assertTrue(findings.stream().anyMatch(f -> f.severity() == Severity.ERROR && f.message().contains("no_such_region")
				&& f.at().file().getFileName().toString().equals("overlay1.dtso") && f.at().line() == 4), findings.toString());
	}

	@Test
	void aMissingTargetPathIsAFindingOnTheFragmentsLine() {
		composite(BASE, """
				/dts-v1/;
				/plugin/;

				&{/no/such/node} { a; };
				""");
		assertTrue(findings.stream().anyMatch(f -> f.severity() == Severity.ERROR && f.message().contains("/no/such/node")
				&& f.at().file().getFileName().toString().equals("overlay1.dtso") && f.at().line() == 4), findings.toString());
	}
}
