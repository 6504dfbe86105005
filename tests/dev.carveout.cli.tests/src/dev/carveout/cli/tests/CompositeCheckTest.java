package dev.carveout.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.carveout.cli.CheckCommand;

/**
 * Composite boards in {@code carveout check}: "base.dts+overlay.dtso" as one board, the composites of a kernel
 * tree's Makefiles under --all-boards (one built on another included), their JSON "file" and "parts", and every
 * finding in the part that caused it, in text, JSON and SARIF.
 */
class CompositeCheckTest {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();
	private Path vendor;

	private static final String BASE = """
			/dts-v1/;
			/ { #address-cells = <2>; #size-cells = <2>;
				reserved_memory: reserved-memory { #address-cells = <2>; #size-cells = <2>; ranges;
					modem: modem@80000000 { reg = <0x0 0x80000000 0x0 0x200000>; no-map; };
				};
			};
			""";

	/** Line 5 puts a camera pool over the base's modem. */
	private static final String CAMERA = """
			/dts-v1/;
			/plugin/;

			&reserved_memory {
				camera: camera@80100000 { reg = <0x0 0x80100000 0x0 0x100000>; no-map; };
			};
			""";

	@BeforeEach
	void kernelTree() throws Exception {
		vendor = dir.resolve("linux/arch/arm64/boot/dts/vendor");
		Files.createDirectories(vendor);
		Files.createDirectories(dir.resolve("linux/scripts/dtc/include-prefixes"));
		Files.writeString(vendor.resolve("board.dts"), BASE);
		Files.writeString(vendor.resolve("camera.dtso"), CAMERA);
		Files.writeString(vendor.resolve("dsp.dtso"), """
				/dts-v1/;
				/plugin/;
				&camera { status = "okay"; };
				""");
		Files.writeString(vendor.resolve("Makefile"), """
				dtb-$(CONFIG_ARCH_VENDOR) += board.dtb board-camera.dtb board-camera-dsp.dtb
				board-camera-dtbs := board.dtb \\
					camera.dtbo
				# built on the composite above
				board-camera-dsp-dtbs := board-camera.dtb dsp.dtbo
				""");
	}

	private int run(String... args) {
		return new CheckCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), dir)
				.run(List.of(args));
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	@Test
	void aCompositeArgumentReportsTheOverlapOnTheOverlaysLine() {
		assertEquals(CheckCommand.OK, run(vendor.resolve("board.dts").toString()), out());
		out.reset();
		assertEquals(CheckCommand.ERRORS, run(vendor.resolve("board.dts") + "+" + vendor.resolve("camera.dtso")), out());
		assertTrue(out().lines().anyMatch(l -> l.matches(".*camera\\.dtso:5\\.\\d+: ERROR \\(R8\\): .*")), out());
	}

	@Test
	void anOverlayCheckedAloneHasNoErrorForItsReferencesToTheBase() {
		assertEquals(CheckCommand.OK, run(vendor.resolve("camera.dtso").toString()), out());
		assertFalse(out().contains("not found"), out());
	}

	@Test
	void allBoardsChecksTheMakefilesCompositesWithTheirTargetAndParts() {
		assertEquals(CheckCommand.ERRORS, run("--kernel-tree", dir.resolve("linux").toString(), "--all-boards", "arm64",
				"--format", "json"), err.toString());
		List<JsonObject> lines = out().lines().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
		assertEquals(List.of("board.dts", "board-camera", "board-camera-dsp"),
				lines.stream().map(l -> Path.of(l.get("file").getAsString()).getFileName().toString()).toList());
		assertFalse(lines.get(0).has("parts"));
		JsonObject layered = lines.get(2);
		assertEquals(vendor.resolve("board-camera-dsp").toString(), layered.get("file").getAsString());
		assertEquals(List.of("board.dts", "camera.dtso", "dsp.dtso"), layered.getAsJsonArray("parts").asList().stream()
				.map(p -> Path.of(p.getAsString()).getFileName().toString()).toList());
		List<String> regions = layered.getAsJsonObject("reserved_memory").getAsJsonArray("regions").asList().stream()
				.map(r -> r.getAsJsonObject().get("name").getAsString()).toList();
		assertTrue(regions.contains("camera@80100000"), regions.toString());
	}

	@Test
	void anArgumentTheMakefileDeclaresGoesByItsKbuildTarget() {
		run("--format", "json", vendor.resolve("board.dts") + "+" + vendor.resolve("camera.dtso"));
		JsonObject line = JsonParser.parseString(out().strip()).getAsJsonObject();
		assertEquals(vendor.resolve("board-camera").toString(), line.get("file").getAsString());
	}

	@Test
	void aLabelTheBaseLacksIsAnErrorOnTheOverlaysLine() throws Exception {
		Path broken = vendor.resolve("broken.dtso");
		Files.writeString(broken, "/dts-v1/;\n/plugin/;\n&no_such_label { status = \"okay\"; };\n");
		assertEquals(CheckCommand.ERRORS, run(vendor.resolve("board.dts") + "+" + broken), out());
		assertTrue(out().lines().anyMatch(l -> l.matches(".*broken\\.dtso:3\\.\\d+: ERROR .*no_such_label.*")), out());
	}

	@Test
	void aMissingPartIsAnInputProblem() {
		assertEquals(CheckCommand.USAGE, run(vendor.resolve("board.dts") + "+" + vendor.resolve("nothing.dtso")));
		assertTrue(err.toString().contains("file not found: " + vendor.resolve("nothing.dtso")), err.toString());
	}

	@Test
	void sarifPutsTheCompositesFindingInTheOverlay() {
		assertEquals(CheckCommand.ERRORS, run("--format", "sarif", vendor.resolve("board.dts") + "+" + vendor.resolve("camera.dtso")));
		JsonObject log = JsonParser.parseString(out()).getAsJsonObject();
		JsonObject overlap = log.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("results").asList().stream()
				.map(r -> r.getAsJsonObject()).filter(r -> r.get("ruleId").getAsString().equals("R8")).findFirst().orElseThrow();
		List<String> uris = overlap.getAsJsonArray("locations").asList().stream().map(l -> l.getAsJsonObject()
				.getAsJsonObject("physicalLocation").getAsJsonObject("artifactLocation").get("uri").getAsString()).toList();
		assertTrue(uris.stream().anyMatch(u -> u.endsWith("camera.dtso")), overlap.toString());
	}
}
