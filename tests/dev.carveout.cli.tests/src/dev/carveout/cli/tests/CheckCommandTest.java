package dev.carveout.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.carveout.cli.CheckCommand;

class CheckCommandTest {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private static final Path SAMPLE = Path.of(System.getProperty("carveout.examples", "../../examples"), "qcom-board", "board.dts");

	private int run(String... args) {
		return new CheckCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
				.run(List.of(args));
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	@Test
	void sampleBoardGetsTheGuidesUnitAddressWarningInDtcStyle() {
		assertEquals(CheckCommand.OK, run(SAMPLE.toString()), err());
		String wpss = out().lines().filter(l -> l.contains("wpss@0x84800000")).findFirst().orElse("");
		assertTrue(wpss.matches(".*board\\.dts:32\\.2: Warning \\(R12\\): /reserved-memory/wpss@0x84800000: .*"), out());
	}

	@Test
	void werrorTurnsWarningsIntoExitOne() {
		assertEquals(CheckCommand.WARNINGS, run("--werror", SAMPLE.toString()));
		out.reset();
		assertEquals(CheckCommand.OK, run("--werror", "--rule", "R12=off", "--rule", "R13=off", SAMPLE.toString()), out());
	}

	@Test
	void errorsExitTwoAndRuleSeverityCanBeRaised() throws Exception {
		Path board = write("overlap.dts", """
				/dts-v1/;
				/ { #address-cells = <2>; #size-cells = <2>;
					reserved-memory { #address-cells = <2>; #size-cells = <2>; ranges;
						a@80000000 { reg = <0x0 0x80000000 0x0 0x200000>; };
						b@80100000 { reg = <0x0 0x80100000 0x0 0x100000>; };
					};
				};
				""");
		assertEquals(CheckCommand.ERRORS, run(board.toString()));
		assertTrue(out().contains("ERROR (R8)"), out());
		out.reset();
		assertEquals(CheckCommand.ERRORS, run("--rule", "R12=error", SAMPLE.toString()));
	}

	@Test
	void jsonLinesHoldTheModelInTheTruthFilesFormat() {
		assertEquals(CheckCommand.OK, run("--format", "json", SAMPLE.toString(), SAMPLE.toString()), err());
		List<String> lines = out().lines().toList();
		assertEquals(2, lines.size(), "one object per input");
		JsonObject board = JsonParser.parseString(lines.get(0)).getAsJsonObject();
		assertTrue(board.get("file").getAsString().endsWith("board.dts"));
		assertEquals(2, board.getAsJsonObject("root").get("#address-cells").getAsInt());
		JsonArray regions = board.getAsJsonObject("reserved_memory").getAsJsonArray("regions");
		JsonObject cdsp = find(regions, "/reserved-memory/cdsp-secure-heap@81800000");
		assertEquals("0x81800000", cdsp.getAsJsonArray("reg").get(0).getAsJsonObject().get("base").getAsString());
		assertEquals("0x1e00000", cdsp.getAsJsonArray("reg").get(0).getAsJsonObject().get("size").getAsString());
		assertEquals("0x83600000", cdsp.getAsJsonArray("reg").get(0).getAsJsonObject().get("end").getAsString());
		assertEquals("static", cdsp.get("kind").getAsString());
		assertTrue(cdsp.get("no_map").getAsBoolean());
		assertEquals("cdsp_secure_heap_mem", cdsp.getAsJsonArray("labels").get(0).getAsString());
		JsonObject heap = find(regions, "/reserved-memory/camera-heap");
		assertEquals("dynamic", heap.get("kind").getAsString());
		assertTrue(heap.get("is_cma").getAsBoolean());
		assertEquals("0x2000000", heap.get("size").getAsString());
		assertTrue(heap.get("reg").isJsonNull());
		JsonObject diagnostic = board.getAsJsonArray("diagnostics").asList().stream().map(e -> e.getAsJsonObject())
				.filter(d -> d.get("rule").getAsString().equals("R12")).findFirst().orElseThrow();
		assertEquals(32, diagnostic.get("line").getAsInt());
		assertEquals("warning", diagnostic.get("severity").getAsString());
	}

	@Test
	void missingFilesAndBadIncludeDirsAreUsageErrorsWithOneClearLine() {
		assertEquals(CheckCommand.USAGE, run(dir.resolve("nowhere.dts").toString()));
		assertTrue(err().contains("file not found: "), err());
		err.reset();
		assertEquals(CheckCommand.USAGE, run("-I", dir.resolve("no-such-dir").toString(), SAMPLE.toString()));
		assertTrue(err().startsWith("carveout check: include directory not found: "), err());
	}

	@Test
	void inputProblemsAreOneClearLineEach() throws Exception {
		assertEquals(CheckCommand.USAGE, run("-I", "/nonexistent", SAMPLE.toString()));
		assertEquals(List.of("carveout check: include directory not found: /nonexistent"), err().lines().toList());
		err.reset();
		Path notADirectory = write("sizes.h", "#define SZ_1M 0x100000\n");
		assertEquals(CheckCommand.USAGE, run("-I", notADirectory.toString(), SAMPLE.toString()));
		assertEquals(List.of("carveout check: include directory is a file: " + notADirectory), err().lines().toList());
		err.reset();
		assertEquals(CheckCommand.USAGE, run(dir.toString()));
		assertEquals(List.of("carveout check: not a file: " + dir), err().lines().toList());
		err.reset();
		Path missing = write("missing.dtsi", "");
		Files.delete(missing);
		assertEquals(CheckCommand.USAGE, run(missing.toString()));
		assertEquals(List.of("carveout check: file not found: " + missing), err().lines().toList());
		assertEquals("", out());
	}

	@Test
	void aMissingIncludeIsAnErrorOnTheIncludeLine() throws Exception {
		Path board = write("board.dts", "/dts-v1/;\n#include \"soc.dtsi\"\n/ { };\n");
		assertEquals(CheckCommand.ERRORS, run(board.toString()));
		assertTrue(out().lines().anyMatch(l -> l.startsWith(board + ":2.1: ERROR (input): ") && l.contains("soc.dtsi")), out());
	}

	@Test
	void aSyntaxErrorInAnIncludedFileIsReportedWhereItIsAndOnTheIncludeLine() throws Exception {
		Path soc = write("soc.dtsi", "/ {\n\treserved-memory {\n\t\ta@1 { reg = <1 2; };\n\t};\n};\n");
		Path board = write("board.dts", "/dts-v1/;\n#include \"soc.dtsi\"\n");
		assertEquals(CheckCommand.ERRORS, run(board.toString()));
		assertTrue(out().lines().anyMatch(l -> l.startsWith(soc + ":3.") && l.contains("ERROR (syntax)")), out());
		assertTrue(out().lines().anyMatch(l -> l.startsWith(board + ":2.1: ERROR (syntax): ") && l.contains("soc.dtsi")), out());
	}

	@Test
	void aFileThatIsNotUtf8IsReportedNotThrown() throws Exception {
		Path board = dir.resolve("latin1.dts");
		Files.write(board, "/dts-v1/;\n/* caf\u00e9 */\n/ { };\n".getBytes(StandardCharsets.ISO_8859_1));
		assertEquals(CheckCommand.ERRORS, run(board.toString()));
		assertTrue(out().lines().anyMatch(l -> l.startsWith(board.toString()) && l.contains("ERROR (input)")), out());
	}

	@Test
	void badOptionsAreUsageErrors() {
		List<String[]> bad = new ArrayList<>();
		bad.add(new String[] { "--format", "xml", SAMPLE.toString() });
		bad.add(new String[] { "--rule", "R99=error", SAMPLE.toString() });
		bad.add(new String[] { "--rule", "R8=loud", SAMPLE.toString() });
		bad.add(new String[] { "--page-size", "8", SAMPLE.toString() });
		bad.add(new String[] { "--kernel", "six", SAMPLE.toString() });
		bad.add(new String[] { "--bogus", SAMPLE.toString() });
		bad.add(new String[] {});
		for (String[] args : bad) {
			err.reset();
			assertEquals(CheckCommand.USAGE, run(args), String.join(" ", args));
			assertTrue(err().startsWith("carveout check: "), err());
		}
	}

	@Test
	void helpIsTheUsageOnStandardOutputAndExitsZero() {
		for (String option : List.of("--help", "-h")) {
			err.reset();
			assertEquals(CheckCommand.OK, run(option, SAMPLE.toString()), option);
			assertTrue(out().startsWith("usage: carveout check"), out());
			assertEquals("", err(), option);
		}
	}

	@Test
	void malformedInputIsReportedNotThrown() throws Exception {
		Path board = write("broken.dts", "/dts-v1/;\n/ { reserved-memory { a@1 { reg = <1 2; }; \n");
		assertEquals(CheckCommand.ERRORS, run(board.toString()));
		assertTrue(out().contains("broken.dts:2."), out());
		assertTrue(out().contains("ERROR (syntax)"), out());
	}

	@Test
	void predictedBootLogOfTheSampleHoldsTheGuidesLines() {
		assertEquals(CheckCommand.OK, run("--predict-boot-log", SAMPLE.toString()), err());
		assertTrue(out().lines().anyMatch(l -> l.equals(
				"OF: reserved mem: 0x0000000081800000..0x00000000835fffff (30720 KiB) nomap non-reusable cdsp-secure-heap@81800000")),
				out());
		assertTrue(out().lines().anyMatch(l -> l.endsWith("nomap non-reusable wpss@0x84800000")), out());
	}

	@Test
	void bootLogDriftBecomesFindingsOnTheBoard() throws Exception {
		assertEquals(CheckCommand.OK, run("--predict-boot-log", SAMPLE.toString()));
		String predicted = out();
		out.reset();
		Path same = write("same.log", predicted);
		assertEquals(CheckCommand.OK, run("--boot-log", same.toString(), "--rule", "R12=off", "--rule", "R13=off", SAMPLE.toString()));
		assertEquals("", out(), "a board that boots as declared shows no drift");
		Path moved = write("moved.log", predicted.replace("0x0000000084300000..0x00000000847fffff", "0x0000000084400000..0x00000000848fffff"));
		assertEquals(CheckCommand.OK, run("--boot-log", moved.toString(), "--rule", "R12=off", "--rule", "R13=off", SAMPLE.toString()));
		assertTrue(out().matches("(?s).*board\\.dts:\\d+\\.\\d+: Warning \\(BOOT\\): /reserved-memory/camera@84300000: moved.*"), out());
		err.reset();
		assertEquals(CheckCommand.USAGE, run("--boot-log", dir.resolve("none.log").toString(), SAMPLE.toString()));
		assertTrue(err().startsWith("carveout check: cannot read boot log"), err());
	}

	@Test
	void allBoardsOfAKernelTreeInOneRunWithASummaryEach() throws Exception {
		Path ksrc = dir.resolve("linux");
		Files.createDirectories(ksrc.resolve("scripts/dtc/include-prefixes/dt-bindings"));
		Files.writeString(ksrc.resolve("scripts/dtc/include-prefixes/dt-bindings/sizes.h"), "#define SZ_2M 0x200000\n");
		Path vendor = ksrc.resolve("arch/arm64/boot/dts/vendor");
		Files.createDirectories(vendor);
		String reserved = """
				/dts-v1/;
				#include <dt-bindings/sizes.h>
				/ { #address-cells = <2>; #size-cells = <2>;
					reserved-memory { #address-cells = <2>; #size-cells = <2>; ranges;
						a@80000000 { reg = <0x0 0x80000000 0x0 SZ_2M>; };
						%s
					};
				};
				""";
		Files.writeString(vendor.resolve("clean.dts"), reserved.formatted(""));
		Files.writeString(vendor.resolve("overlap.dts"), reserved.formatted("b@80100000 { reg = <0x0 0x80100000 0x0 SZ_2M>; };"));
		assertEquals(CheckCommand.ERRORS, run("--kernel-tree", ksrc.toString(), "--all-boards", "arm64", "--stats"), err());
		List<String> summaries = out().lines().filter(l -> l.matches(".*\\.dts: \\d+ errors?, .*")).toList();
		assertEquals(2, summaries.size(), out());
		assertTrue(summaries.get(0).endsWith("clean.dts: 0 errors, 0 warnings, 0 info"), summaries.toString());
		assertTrue(summaries.get(1).endsWith("overlap.dts: 1 error, 0 warnings, 0 info"), summaries.toString());
		assertTrue(err().matches("(?s).*carveout check: 2 boards in [0-9.]+ s, peak heap \\d+ MiB.*"), err());
		err.reset();
		assertEquals(CheckCommand.USAGE, run("--all-boards", "arm64"));
		assertTrue(err().startsWith("carveout check: --all-boards needs --kernel-tree"), err());
	}

	private Path write(String name, String text) throws Exception {
		Path file = dir.resolve(name);
		Files.writeString(file, text);
		return file;
	}

	private static JsonObject find(JsonArray regions, String path) {
		return regions.asList().stream().map(e -> e.getAsJsonObject()).filter(r -> r.get("path").getAsString().equals(path))
				.findFirst().orElseThrow(() -> new AssertionError("no region " + path + " in " + regions));
	}
}
