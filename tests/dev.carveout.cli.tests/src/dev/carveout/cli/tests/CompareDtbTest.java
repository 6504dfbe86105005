package dev.carveout.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.carveout.cli.CheckCommand;

/**
 * {@code --compare-dtb}: the DTB is what the machine's dtc made of the board, then changed with fdtput, so the
 * differences expected are the changes made, not what our reader thinks.
 */
class CompareDtbTest {

	private static final String BOARD = """
			/dts-v1/;
			/ {
				#address-cells = <2>;
				#size-cells = <2>;
				memory@80000000 {
					device_type = "memory";
					reg = <0x0 0x80000000 0x0 0x40000000>;
				};
				reserved-memory {
					#address-cells = <2>;
					#size-cells = <2>;
					ranges;
					camera@84300000 {
						reg = <0x0 0x84300000 0x0 0x800000>;
						no-map;
					};
					adsp@86100000 {
						reg = <0x0 0x86100000 0x0 0x2800000>;
						no-map;
					};
				};
			};
			""";

	@TempDir
	Path dir;

	private Path board;
	private Path dtb;
	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeEach
	void compileBoard() throws Exception {
		board = dir.resolve("board.dts");
		Files.writeString(board, BOARD);
		dtb = dir.resolve("board.dtb");
		exec("dtc", "-q", "-I", "dts", "-O", "dtb", "-o", dtb.toString(), board.toString());
	}

	private void exec(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			fail(String.join(" ", command) + " failed (apt-get install device-tree-compiler):\n" + output);
		}
	}

	private void fdtput(String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("fdtput", dtb.toString()));
		command.addAll(Arrays.asList(args));
		exec(command.toArray(String[]::new));
	}

	private int run(String... args) {
		return new CheckCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
				.run(List.of(args));
	}

	private List<String> dtbLines() {
		return out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("(DTB)")).toList();
	}

	@Test
	void unchangedDtbHasNoDifference() {
		assertEquals(CheckCommand.OK, run("--werror", "--compare-dtb", dtb.toString(), board.toString()), out + "\n" + err);
		assertEquals(List.of(), dtbLines());
	}

	@Test
	void resizedAddedAndBankChangesAreReportedOnTheirSourceLines() throws Exception {
		fdtput("-t", "x", "/reserved-memory/camera@84300000", "reg", "0", "84300000", "0", "a00000");
		fdtput("-c", "/reserved-memory/video@90000000");
		fdtput("-t", "x", "/reserved-memory/video@90000000", "reg", "0", "90000000", "0", "100000");
		fdtput("-t", "x", "/memory@80000000", "reg", "0", "80000000", "0", "80000000");
		assertEquals(CheckCommand.OK, run("--compare-dtb", dtb.toString(), board.toString()), err.toString());
		assertEquals(List.of(
				board + ":5.2: Warning (DTB): /memory@80000000: bank changed: 0x80000000..0xbfffffff (0x40000000) in the source, "
						+ "0x80000000..0xffffffff (0x80000000) in " + dtb,
				board + ":14.4: Warning (DTB): /reserved-memory/camera@84300000: resized: 0x800000 in the source, 0xa00000 in " + dtb,
				board + ": Warning (DTB): /reserved-memory/video@90000000: added: not in the source, 0x90000000..0x900fffff (0x100000) in "
						+ dtb), dtbLines());
		out.reset();
		assertEquals(CheckCommand.WARNINGS, run("--werror", "--compare-dtb", dtb.toString(), board.toString()));
	}

	@Test
	void jsonCarriesTheComparisonWithBothValues() throws Exception {
		fdtput("-t", "x", "/reserved-memory/adsp@86100000", "reg", "0", "86200000", "0", "2800000");
		assertEquals(CheckCommand.OK, run("--format", "json", "--compare-dtb", dtb.toString(), board.toString()), err.toString());
		JsonObject report = JsonParser.parseString(out.toString(StandardCharsets.UTF_8).strip()).getAsJsonObject();
		JsonArray comparison = report.getAsJsonArray("comparison");
		assertEquals(1, comparison.size(), comparison.toString());
		JsonObject moved = comparison.get(0).getAsJsonObject();
		assertEquals("moved", moved.get("kind").getAsString());
		assertEquals("0x86100000", moved.get("source_value").getAsString());
		assertEquals("0x86200000", moved.get("dtb_value").getAsString());
		assertEquals(18, moved.get("line").getAsInt());
	}

	@Test
	void aTruncatedOrNonDtbFileIsAnInputProblem() throws Exception {
		Path truncated = dir.resolve("truncated.dtb");
		byte[] bytes = Files.readAllBytes(dtb);
		Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
		assertEquals(CheckCommand.USAGE, run("--compare-dtb", truncated.toString(), board.toString()));
		List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
		assertEquals(1, lines.size(), lines.toString());
		assertTrue(lines.get(0).contains(truncated.toString()) && lines.get(0).contains("truncated"), lines.get(0));
		err.reset();
		assertEquals(CheckCommand.USAGE, run("--compare-dtb", board.toString(), board.toString()));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("bad magic"), err.toString());
		err.reset();
		assertEquals(CheckCommand.USAGE, run("--compare-dtb", dir.resolve("none.dtb").toString(), board.toString()));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("none.dtb"), err.toString());
		assertEquals("", out.toString(StandardCharsets.UTF_8));
	}

	@Test
	void comparingTakesOneBoard() {
		assertEquals(CheckCommand.USAGE, run("--compare-dtb", dtb.toString(), board.toString(), board.toString()));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("--compare-dtb compares one board"), err.toString());
	}
}
