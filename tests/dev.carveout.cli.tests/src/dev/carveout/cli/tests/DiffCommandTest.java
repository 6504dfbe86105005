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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.carveout.cli.DiffCommand;

/**
 * {@code carveout diff} on a scratch git repository shaped like a kernel tree, built here commit by commit: a SoC
 * .dtsi shared by two boards and a composite, a dt-bindings header reached through kbuild's include-prefixes
 * link, a board that includes neither. Each commit makes one change; the boards it reaches and the differences
 * expected follow from that change (the addresses written in it), not from what the engine printed.
 */
class DiffCommandTest {

	private static final String VENDOR = "arch/arm64/boot/dts/vendor/";

	private static final String SOC = """
			/ {
				#address-cells = <2>;
				#size-cells = <2>;
				memory@80000000 { device_type = "memory"; reg = <0x0 0x80000000 0x0 0x40000000>; };
				reserved_memory: reserved-memory {
					#address-cells = <2>;
					#size-cells = <2>;
					ranges;
					camera@84300000 { reg = <0x0 0x84300000 0x0 0x800000>; no-map; };
				};
			};
			""";

	private static final String BOARD_A = """
			/dts-v1/;
			#include "soc.dtsi"
			#include <dt-bindings/vendor-mem.h>
			&reserved_memory {
				dsp@86000000 { reg = <0x0 0x86000000 0x0 DSP_SIZE>; no-map; };
			};
			""";

	private static final String BOARD_B = """
			/dts-v1/;
			#include "soc.dtsi"
			&reserved_memory {
				modem@88000000 { reg = <0x0 0x88000000 0x0 0x1000000>; no-map; };
			};
			""";

	private static final String OTHER = """
			/dts-v1/;
			/ {
				#address-cells = <2>;
				#size-cells = <2>;
				memory@40000000 { device_type = "memory"; reg = <0x0 0x40000000 0x0 0x20000000>; };
			};
			""";

	private static final String CAMERA_OVERLAY = """
			/dts-v1/;
			/plugin/;
			&reserved_memory {
				cam2@8a000000 { reg = <0x0 0x8a000000 0x0 0x100000>; no-map; };
			};
			""";

	@TempDir
	Path dir;

	private Path repo;
	/** The commits by what they did: "initial", "move", "add", "header", "break". */
	private final Map<String, String> commits = new LinkedHashMap<>();
	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeEach
	void history() throws Exception {
		repo = dir.resolve("linux");
		Files.createDirectories(repo.resolve("scripts/dtc/include-prefixes"));
		git("init", "-q", "-b", "main");
		write(VENDOR + "soc.dtsi", SOC);
		write(VENDOR + "board-a.dts", BOARD_A);
		write(VENDOR + "board-b.dts", BOARD_B);
		write(VENDOR + "other.dts", OTHER);
		write(VENDOR + "cam.dtso", CAMERA_OVERLAY);
		write(VENDOR + "Makefile", "dtb-y += board-a.dtb board-b.dtb other.dtb\nboard-a-cam-dtbs := board-a.dtb cam.dtbo\n");
		write("include/dt-bindings/vendor-mem.h", "#define DSP_SIZE 0x400000\n");
		Files.createSymbolicLink(repo.resolve("scripts/dtc/include-prefixes/dt-bindings"), Path.of("../../../include/dt-bindings"));
		commit("initial");
		// the SoC moves its camera carve-out; the node keeps its name, so its unit address no longer matches (R12)
		write(VENDOR + "soc.dtsi", SOC.replace("reg = <0x0 0x84300000", "reg = <0x0 0x84400000"));
		commit("move");
		write(VENDOR + "board-c.dts", "/dts-v1/;\n#include \"soc.dtsi\"\n");
		commit("add");
		write("include/dt-bindings/vendor-mem.h", "#define DSP_SIZE 0x800000\n");
		commit("header");
		write(VENDOR + "board-b.dts", BOARD_B.replace("#include \"soc.dtsi\"", "#include \"soc.dtsi\"\n#include \"missing.dtsi\""));
		commit("break");
	}

	@Test
	void carveOutMovedInSharedDtsiReachesEveryBoardThatIncludesItAndOnlyThose() throws Exception {
		assertEquals(0, diff("--kernel-tree", ".", "--format", "json", "--base", commits.get("initial"), "--head", commits.get("move")), err());
		Map<String, JsonObject> boards = jsonBoards();
		assertEquals(Set.of(VENDOR + "board-a.dts", VENDOR + "board-a-cam", VENDOR + "board-b.dts"), boards.keySet());
		assertEquals(List.of(VENDOR + "board-a.dts", VENDOR + "cam.dtso"), strings(boards.get(VENDOR + "board-a-cam").getAsJsonArray("parts")));
		for (JsonObject board : boards.values()) {
			assertEquals("changed", board.get("change").getAsString());
			JsonArray differences = board.getAsJsonArray("differences");
			assertEquals(1, differences.size(), board.toString());
			JsonObject moved = differences.get(0).getAsJsonObject();
			assertEquals("moved", moved.get("kind").getAsString());
			assertEquals("/reserved-memory/camera@84300000", moved.get("base_path").getAsString());
			assertEquals("0x84300000", moved.get("base_value").getAsString());
			assertEquals("0x84400000", moved.get("head_value").getAsString());
			assertEquals(VENDOR + "soc.dtsi", moved.getAsJsonObject("head_at").get("file").getAsString());
			assertEquals(List.of("R12"), rules(board.getAsJsonArray("new_findings")));
			assertEquals(List.of(), rules(board.getAsJsonArray("gone_findings")));
		}
	}

	@Test
	void newWarningFailsOnlyUnderWerrorAndWarningThatWentAwayIsNoNews() throws Exception {
		assertEquals(1, diff("--werror", "--base", commits.get("initial"), "--head", commits.get("move")), err());
		assertEquals(0, diff("--werror", "--format", "json", "--base", commits.get("move"), "--head", commits.get("initial")), err());
		for (JsonObject board : jsonBoards().values()) {
			assertEquals(List.of(), rules(board.getAsJsonArray("new_findings")));
			assertEquals(List.of("R12"), rules(board.getAsJsonArray("gone_findings")));
		}
	}

	@Test
	void addedBoardIsTheOnlyOneReachedAndAllItHasIsNew() throws Exception {
		assertEquals(0, diff("--format", "json", "--base", commits.get("move"), "--head", commits.get("add")), err());
		Map<String, JsonObject> boards = jsonBoards();
		assertEquals(Set.of(VENDOR + "board-c.dts"), boards.keySet());
		JsonObject board = boards.get(VENDOR + "board-c.dts");
		assertEquals("added", board.get("change").getAsString());
		assertEquals(List.of("bank_added", "region_added"), kinds(board.getAsJsonArray("differences")));
		assertEquals(List.of("R12"), rules(board.getAsJsonArray("new_findings")));
	}

	/** The header is reached through scripts/dtc/include-prefixes/dt-bindings, a link in both revisions. */
	@Test
	void headerChangeReachesTheBoardsThatIncludeItThroughTheIncludePrefixLink() throws Exception {
		assertEquals(0, diff("--kernel-tree", ".", "--format", "json", "--base", commits.get("add"), "--head", commits.get("header")), err());
		Map<String, JsonObject> boards = jsonBoards();
		assertEquals(Set.of(VENDOR + "board-a.dts", VENDOR + "board-a-cam"), boards.keySet());
		for (JsonObject board : boards.values()) {
			JsonArray differences = board.getAsJsonArray("differences");
			assertEquals(List.of("resized"), kinds(differences), board.toString());
			assertEquals("0x400000", differences.get(0).getAsJsonObject().get("base_value").getAsString());
			assertEquals("0x800000", differences.get(0).getAsJsonObject().get("head_value").getAsString());
			assertEquals(List.of(), rules(board.getAsJsonArray("new_findings")));
			assertEquals(List.of(), rules(board.getAsJsonArray("gone_findings")));
		}
	}

	@Test
	void brokenIncludeIsNewErrorOnThatBoardOnly() throws Exception {
		assertEquals(2, diff("--format", "json", "--base", commits.get("header"), "--head", commits.get("break")), err());
		Map<String, JsonObject> boards = jsonBoards();
		assertEquals(Set.of(VENDOR + "board-b.dts"), boards.keySet());
		JsonObject board = boards.get(VENDOR + "board-b.dts");
		JsonArray appeared = board.getAsJsonArray("new_findings");
		assertEquals(1, appeared.size(), board.toString());
		JsonObject error = appeared.get(0).getAsJsonObject();
		assertEquals("error", error.get("severity").getAsString());
		assertTrue(error.get("message").getAsString().contains("missing.dtsi"), error.toString());
		assertEquals(VENDOR + "board-b.dts", error.getAsJsonObject("at").get("file").getAsString());
		assertEquals(3, error.getAsJsonObject("at").get("line").getAsInt());
	}

	/** The default head is the working tree: a modified tracked board and a board not added to git yet. */
	@Test
	void workingTreeAgainstHeadIncludesUncommittedAndUntrackedBoards() throws Exception {
		write(VENDOR + "other.dts", OTHER.replace("0x20000000", "0x40000000"));
		write(VENDOR + "board-d.dts", BOARD_B.replace("modem@88000000", "wlan@88000000"));
		assertEquals(0, diff("--format", "json"), err());
		Map<String, JsonObject> boards = jsonBoards();
		assertEquals(Set.of(VENDOR + "other.dts", VENDOR + "board-d.dts"), boards.keySet());
		assertEquals("working tree", boards.get(VENDOR + "other.dts").get("head").getAsString());
		assertEquals(List.of("bank_changed"), kinds(boards.get(VENDOR + "other.dts").getAsJsonArray("differences")));
		assertEquals("added", boards.get(VENDOR + "board-d.dts").get("change").getAsString());
	}

	@Test
	void pathArgumentsKeepTheBoardsUnderThem() throws Exception {
		assertEquals(0, diff("--format", "json", "--base", commits.get("initial"), "--head", commits.get("move"), VENDOR + "board-b.dts"), err());
		assertEquals(Set.of(VENDOR + "board-b.dts"), jsonBoards().keySet());
	}

	@Test
	void markdownIsATablePerBoard() throws Exception {
		String base = commits.get("initial");
		String head = commits.get("move");
		assertEquals(0, diff("--format", "markdown", "--base", base, "--head", head, VENDOR + "board-b.dts"), err());
		List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
		assertEquals("#### `" + VENDOR + "board-b.dts`", lines.get(0));
		assertEquals("| change | node | " + base + " | " + head + " | where |", lines.get(2));
		assertTrue(lines.get(4).startsWith("| moved | `/reserved-memory/camera@84300000` | `0x84300000` | `0x84400000` | `" + VENDOR + "soc.dtsi:"),
				lines.get(4));
		assertTrue(lines.get(5).startsWith("| new warning R12 | `/reserved-memory/camera@84300000` |"), lines.get(5));
	}

	@Test
	void sarifHoldsTheNewFindingsOnly() throws Exception {
		assertEquals(0, diff("--format", "sarif", "--base", commits.get("initial"), "--head", commits.get("move")), err());
		String log = out.toString(StandardCharsets.UTF_8);
		SarifSchema.assertValid(log);
		JsonArray results = JsonParser.parseString(log).getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject()
				.getAsJsonArray("results");
		assertEquals(3, results.size(), log);
		for (JsonElement result : results) {
			assertEquals("R12", result.getAsJsonObject().get("ruleId").getAsString());
			String uri = result.getAsJsonObject().getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation")
					.getAsJsonObject("artifactLocation").get("uri").getAsString();
			assertEquals(VENDOR + "soc.dtsi", uri);
		}
	}

	/** Two SKUs of one SoC: what board-b has that board-a has not, and the other way round. */
	@Test
	void twoBoardsSideBySide() throws Exception {
		Path vendor = repo.resolve(VENDOR);
		write(VENDOR + "sku2.dts", BOARD_B); // board-b.dts itself is broken at HEAD
		assertEquals(0, diff(vendor, "--format", "json", "--kernel-tree", "../../../../..", "--boards", "board-a.dts", "sku2.dts"), err());
		JsonObject board = JsonParser.parseString(out.toString(StandardCharsets.UTF_8).strip()).getAsJsonObject();
		Set<String> differences = new TreeSet<>();
		for (JsonElement d : board.getAsJsonArray("differences")) {
			JsonObject o = d.getAsJsonObject();
			differences.add(o.get("kind").getAsString() + " " + (o.get("base_path").isJsonNull() ? o.get("head_path") : o.get("base_path")).getAsString());
		}
		assertEquals(Set.of("region_removed /reserved-memory/dsp@86000000", "region_added /reserved-memory/modem@88000000"), differences);
	}

	@Test
	void usageProblemsExitThree() throws Exception {
		assertEquals(3, diff("--base", "no-such-revision"));
		assertTrue(err().contains("unknown revision: no-such-revision"), err());
		Path plain = Files.createDirectories(dir.resolve("plain"));
		assertEquals(3, diff(plain));
		assertTrue(err().contains("not a git repository"), err());
		assertEquals(3, diff("--format", "html"));
		assertEquals(3, diff("--boards", VENDOR + "board-a.dts", VENDOR + "nothing.dts"));
		assertTrue(err().contains("file not found"), err());
		assertEquals(3, diff("--base", commits.get("initial"), "/"));
		assertTrue(err().contains("not in the repository"), err());
	}

	private int diff(String... args) {
		return diff(repo, args);
	}

	private int diff(Path cwd, String... args) {
		out.reset();
		err.reset();
		return new DiffCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), cwd)
				.run(List.of(args));
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	/** The JSON Lines by board name. */
	private Map<String, JsonObject> jsonBoards() {
		Map<String, JsonObject> boards = new LinkedHashMap<>();
		out.toString(StandardCharsets.UTF_8).lines().map(l -> JsonParser.parseString(l).getAsJsonObject())
				.forEach(o -> boards.put(o.get("board").getAsString(), o));
		return boards;
	}

	private static List<String> strings(JsonArray array) {
		List<String> strings = new ArrayList<>();
		array.forEach(e -> strings.add(e.getAsString()));
		return strings;
	}

	private static List<String> rules(JsonArray findings) {
		List<String> rules = new ArrayList<>();
		findings.forEach(f -> rules.add(f.getAsJsonObject().get("rule").getAsString()));
		return rules;
	}

	private static List<String> kinds(JsonArray differences) {
		List<String> kinds = new ArrayList<>();
		differences.forEach(d -> kinds.add(d.getAsJsonObject().get("kind").getAsString()));
		return kinds;
	}

	private void write(String relative, String text) throws Exception {
		Path file = repo.resolve(relative);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}

	private void commit(String what) throws Exception {
		git("add", "-A");
		git("-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", "commit", "-q", "-m", what);
		commits.put(what, git("rev-parse", "HEAD").strip());
	}

	private String git(String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			fail(String.join(" ", command) + " failed:\n" + output);
		}
		return output;
	}
}
