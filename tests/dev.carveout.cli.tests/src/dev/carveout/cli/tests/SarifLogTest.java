package dev.carveout.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.Error;

import dev.carveout.cli.CheckCommand;
import dev.carveout.memmap.rules.Rule;
import dev.carveout.memmap.rules.Rules;

/**
 * {@code carveout check --format sarif} on real inputs: the log validates against the OASIS SARIF 2.1.0 JSON
 * schema (schema/README.md says where the file comes from), results sit in the files that cause them (a
 * .dtsi, the board), and every fix, applied as a SARIF consumer applies it, removes its finding and adds none.
 */
class SarifLogTest {

	private static final Path SAMPLE = Path.of(System.getProperty("carveout.examples", "../../examples"), "qcom-board", "board.dts");

	@TempDir
	Path dir;

	/** A SoC .dtsi with RAM and two carve-outs (one sized with a header's macro), and a board that adds two more. */
	private Path writeBoard(Path root, String lineBreak) throws IOException {
		write(root.resolve("include/sizes.h"), "#define SZ_1M 0x100000\n", lineBreak);
		write(root.resolve("soc.dtsi"), """
				#include <sizes.h>
				/ {
					#address-cells = <2>;
					#size-cells = <2>;
					memory@80000000 { device_type = "memory"; reg = <0x0 0x80000000 0x0 0x40000000>; };
					reserved_memory: reserved-memory {
						#address-cells = <2>;
						#size-cells = <2>;
						ranges;
						modem: modem@86000000 { reg = <0x0 0x86000000 0x0 0x800000>; no-map; };
						fw@80080000 { reg = <0x0 0x80080000 0x0 SZ_1M>; no-map; };
					};
				};
				""", lineBreak);
		return write(root.resolve("board.dts"), """
				/dts-v1/;
				#include "soc.dtsi"
				&reserved_memory {
					camera@86400000 { reg = <0x0 0x86400000 0x0 0x400000>; no-map; };
					wpss@0x84800000 { reg = <0x0 0x84800000 0x0 0x1800000>; no-map; };
				};
				""", lineBreak);
	}

	@Test
	void sampleBoardLogIsValidSarifWithEveryRuleDescribed() {
		Run run = sarif(dir, SAMPLE.toString());
		assertEquals(CheckCommand.OK, run.status, run.err);
		assertValid(run.log);
		JsonObject driver = run.run().getAsJsonObject("tool").getAsJsonObject("driver");
		assertEquals("Carveout", driver.get("name").getAsString());
		assertTrue(driver.get("semanticVersion").getAsString().matches("\\d+\\.\\d+\\.\\d+"), driver.toString());
		List<String> ids = driver.getAsJsonArray("rules").asList().stream().map(r -> r.getAsJsonObject().get("id").getAsString()).toList();
		for (Rule rule : Rules.ALL) {
			JsonObject described = driver.getAsJsonArray("rules").get(ids.indexOf(rule.id())).getAsJsonObject();
			assertTrue(described.getAsJsonObject("help").get("text").getAsString().contains(rule.citation()), rule.id());
			assertEquals(rule.name(), described.get("name").getAsString());
		}
		assertTrue(ids.containsAll(List.of("BOOT", "syntax", "input", "tree")), ids.toString());
		assertEquals("error", ruleOf(driver, "R8").getAsJsonObject("defaultConfiguration").get("level").getAsString());
		assertEquals("note", ruleOf(driver, "R13").getAsJsonObject("defaultConfiguration").get("level").getAsString());

		JsonObject wpss = run.results().stream().filter(r -> r.get("ruleId").getAsString().equals("R12")).findFirst().orElseThrow();
		assertEquals(ids.indexOf("R12"), wpss.get("ruleIndex").getAsInt());
		assertEquals("warning", wpss.get("level").getAsString());
		JsonObject region = physical(wpss).getAsJsonObject("region");
		assertEquals(32, region.get("startLine").getAsInt());
		assertEquals(2, region.get("startColumn").getAsInt(), "SARIF columns are 1-based, as the engine's");
		assertTrue(region.get("endLine").getAsInt() >= 32);
		assertTrue(physical(wpss).getAsJsonObject("artifactLocation").get("uri").getAsString().startsWith("file:///"),
				"the examples are not under the SRCROOT of this run: an absolute URI");
		assertEquals("Rename to wpss@84800000", wpss.getAsJsonArray("fixes").get(0).getAsJsonObject()
				.getAsJsonObject("description").get("text").getAsString());
		JsonObject aop = run.results().stream().filter(r -> r.getAsJsonObject("message").get("text").getAsString()
				.startsWith("/reserved-memory/aop@80800000:")).findFirst().orElseThrow();
		assertFalse(aop.has("fixes"));
		assertTrue(aop.getAsJsonObject("message").get("text").getAsString().endsWith("would each add a finding or leave this one)"),
				"rounding aop to 1 MiB would overlap its neighbour: " + aop);
	}

	@Test
	void resultsSitInTheFilesThatCauseThemRelativeToSrcroot() throws IOException {
		Path board = writeBoard(dir, "\n");
		Run run = sarif(dir, "-I", dir.resolve("include").toString(), board.toString());
		assertEquals(CheckCommand.ERRORS, run.status, run.err);
		assertValid(run.log);
		assertEquals(dir.toUri().toString(), run.run().getAsJsonObject("originalUriBaseIds").getAsJsonObject("SRCROOT").get("uri").getAsString());

		JsonObject overlap = run.result("R8");
		JsonObject artifact = physical(overlap).getAsJsonObject("artifactLocation");
		assertEquals("soc.dtsi", artifact.get("uri").getAsString(), "the first region of the overlap is the SoC's modem");
		assertEquals("SRCROOT", artifact.get("uriBaseId").getAsString());
		assertEquals(10, physical(overlap).getAsJsonObject("region").get("startLine").getAsInt());
		JsonObject other = overlap.getAsJsonArray("relatedLocations").get(0).getAsJsonObject();
		assertEquals("board.dts", other.getAsJsonObject("physicalLocation").getAsJsonObject("artifactLocation").get("uri").getAsString());
		assertEquals(4, other.getAsJsonObject("physicalLocation").getAsJsonObject("region").get("startLine").getAsInt());
		assertTrue(other.getAsJsonObject("message").get("text").getAsString().startsWith("camera@86400000"), other.toString());
		assertEquals("/reserved-memory/modem@86000000", overlap.getAsJsonArray("locations").get(0).getAsJsonObject()
				.getAsJsonArray("logicalLocations").get(0).getAsJsonObject().get("fullyQualifiedName").getAsString());
		assertTrue(overlap.getAsJsonArray("fixes").size() >= 2, overlap.toString());

		JsonObject wpss = run.result("R12");
		assertEquals("board.dts", physical(wpss).getAsJsonObject("artifactLocation").get("uri").getAsString());

		JsonObject fw = run.result("R13");
		assertEquals("note", fw.get("level").getAsString());
		assertFalse(fw.has("fixes"), "the size is the header's macro: no fix");
		assertTrue(fw.getAsJsonObject("message").get("text").getAsString()
				.contains("no quick fix: reg of fw@80080000 is written with the macro SZ_1M (soc.dtsi:11)"), fw.toString());
	}

	@Test
	void everyFixAppliedRemovesItsFindingAndAddsNone() throws IOException {
		applyEveryFix("\n");
	}

	@Test
	void fixOffsetsHoldInFilesWithCrLfLineBreaks() throws IOException {
		applyEveryFix("\r\n");
	}

	private void applyEveryFix(String lineBreak) throws IOException {
		Path original = dir.resolve("original");
		writeBoard(original, lineBreak);
		Run before = sarif(original, "-I", original.resolve("include").toString(), original.resolve("board.dts").toString());
		assertValid(before.log);
		int applied = 0;
		for (JsonObject result : before.results()) {
			if (!result.has("fixes")) {
				continue;
			}
			for (JsonElement fix : result.getAsJsonArray("fixes")) {
				Path copy = dir.resolve("fix" + applied++);
				copyTree(original, copy);
				apply(fix.getAsJsonObject(), copy);
				Run after = sarif(copy, "-I", copy.resolve("include").toString(), copy.resolve("board.dts").toString());
				String context = fix.getAsJsonObject().getAsJsonObject("description").get("text").getAsString();
				assertValid(after.log);
				List<String> remaining = new ArrayList<>(before.results().stream().map(SarifLogTest::key).toList());
				for (JsonObject found : after.results()) {
					assertTrue(remaining.remove(key(found)), context + " added " + found);
				}
				assertTrue(count(after, key(result)) < count(before, key(result)), context + " left " + key(result));
			}
		}
		assertTrue(applied >= 3, "the board offers fixes for its overlap (move, shrink) and its unit address: " + applied);
	}

	@Test
	void resultLevelsFollowRuleOptionsAndTheDefaultsStayInTheRules() {
		Run run = sarif(dir, "--rule", "R12=error", "--rule", "R13=off", SAMPLE.toString());
		assertEquals(CheckCommand.ERRORS, run.status);
		assertValid(run.log);
		assertEquals("error", run.result("R12").get("level").getAsString());
		assertTrue(run.results().stream().noneMatch(r -> r.get("ruleId").getAsString().equals("R13")));
		JsonObject driver = run.run().getAsJsonObject("tool").getAsJsonObject("driver");
		assertEquals("warning", ruleOf(driver, "R12").getAsJsonObject("defaultConfiguration").get("level").getAsString());
	}

	@Test
	void bootLogDriftIsAResultOfTheBootRule() throws IOException {
		ByteArrayOutputStream predicted = new ByteArrayOutputStream();
		new CheckCommand(new PrintStream(predicted, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()))
				.run(List.of("--predict-boot-log", SAMPLE.toString()));
		Path log = dir.resolve("dmesg.txt");
		Files.writeString(log, predicted.toString(StandardCharsets.UTF_8)
				.replace("0x0000000084300000..0x00000000847fffff", "0x0000000084400000..0x00000000848fffff"));
		Run run = sarif(dir, "--boot-log", log.toString(), SAMPLE.toString());
		assertValid(run.log);
		JsonObject moved = run.result("BOOT");
		JsonObject driver = run.run().getAsJsonObject("tool").getAsJsonObject("driver");
		assertEquals("BOOT", driver.getAsJsonArray("rules").get(moved.get("ruleIndex").getAsInt()).getAsJsonObject().get("id").getAsString());
		assertTrue(moved.getAsJsonObject("message").get("text").getAsString().startsWith("/reserved-memory/camera@84300000: moved"),
				moved.toString());
	}

	@Test
	void aMissingInputIsAFailedInvocationInAValidLog() {
		Run run = sarif(dir, SAMPLE.toString(), dir.resolve("nowhere.dts").toString());
		assertEquals(CheckCommand.USAGE, run.status);
		assertValid(run.log);
		JsonObject invocation = run.run().getAsJsonArray("invocations").get(0).getAsJsonObject();
		assertFalse(invocation.get("executionSuccessful").getAsBoolean());
		assertTrue(invocation.getAsJsonArray("toolExecutionNotifications").get(0).getAsJsonObject().getAsJsonObject("message")
				.get("text").getAsString().contains("nowhere.dts"));
		assertFalse(run.results().isEmpty(), "the board that exists is still reported");
	}

	@Test
	void theValidatorRejectsABrokenLog() {
		String valid = sarif(dir, SAMPLE.toString()).log;
		assertValid(valid);
		JsonObject wrongLevel = JsonParser.parseString(valid).getAsJsonObject();
		wrongLevel.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("results").get(0).getAsJsonObject()
				.addProperty("level", "fatal");
		assertFalse(errors(wrongLevel.toString()).isEmpty(), "level must be none, note, warning or error");
		JsonObject noVersion = JsonParser.parseString(valid).getAsJsonObject();
		noVersion.remove("version");
		assertFalse(errors(noVersion.toString()).isEmpty(), "version is required");
		JsonObject zeroColumn = JsonParser.parseString(valid).getAsJsonObject();
		physical(zeroColumn.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("results").get(0).getAsJsonObject())
				.getAsJsonObject("region").addProperty("startColumn", 0);
		assertFalse(errors(zeroColumn.toString()).isEmpty(), "columns start at 1");
	}

	// --- helpers -----------------------------------------------------------------------------------------

	private record Run(int status, String log, String err) {
		JsonObject run() {
			return JsonParser.parseString(log).getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
		}

		List<JsonObject> results() {
			return run().getAsJsonArray("results").asList().stream().map(JsonElement::getAsJsonObject).toList();
		}

		JsonObject result(String ruleId) {
			return results().stream().filter(r -> r.get("ruleId").getAsString().equals(ruleId)).findFirst()
					.orElseThrow(() -> new AssertionError("no " + ruleId + " in " + log));
		}
	}

	private static Run sarif(Path srcRoot, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		List<String> all = new ArrayList<>(List.of("--format", "sarif"));
		all.addAll(List.of(args));
		int status = new CheckCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
				srcRoot).run(all);
		return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private static List<Error> errors(String log) {
		return SarifSchema.errors(log);
	}

	private static void assertValid(String log) {
		SarifSchema.assertValid(log);
	}

	private static JsonObject physical(JsonObject result) {
		return result.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation");
	}

	private static JsonObject ruleOf(JsonObject driver, String id) {
		return driver.getAsJsonArray("rules").asList().stream().map(JsonElement::getAsJsonObject)
				.filter(r -> r.get("id").getAsString().equals(id)).findFirst().orElseThrow();
	}

	/** A finding across edits: its rule and node without unit addresses (a fix may rename the node). */
	private static String key(JsonObject result) {
		JsonArray locations = result.getAsJsonArray("locations");
		JsonArray logical = locations == null ? null : locations.get(0).getAsJsonObject().getAsJsonArray("logicalLocations");
		String node = logical == null ? "" : logical.get(0).getAsJsonObject().get("fullyQualifiedName").getAsString();
		return result.get("ruleId").getAsString() + " " + node.replaceAll("@[^/]*", "");
	}

	private static long count(Run run, String key) {
		return run.results().stream().filter(r -> key(r).equals(key)).count();
	}

	/**
	 * Applies a SARIF fix the way a consumer does: each replacement's deletedRegion is a character offset and
	 * length into the file as it is on disk, all relative to the unchanged file, so they go in last first.
	 */
	private static void apply(JsonObject fix, Path srcRoot) throws IOException {
		for (JsonElement element : fix.getAsJsonArray("artifactChanges")) {
			JsonObject change = element.getAsJsonObject();
			JsonObject artifact = change.getAsJsonObject("artifactLocation");
			assertEquals("SRCROOT", artifact.get("uriBaseId").getAsString(), "the fixed files are under SRCROOT");
			Path file = Path.of(srcRoot.toUri().resolve(URI.create(artifact.get("uri").getAsString())));
			StringBuilder text = new StringBuilder(Files.readString(file));
			List<JsonObject> replacements = change.getAsJsonArray("replacements").asList().stream().map(JsonElement::getAsJsonObject)
					.sorted(Comparator.comparingInt((JsonObject r) -> r.getAsJsonObject("deletedRegion").get("charOffset").getAsInt()).reversed())
					.toList();
			int limit = Integer.MAX_VALUE;
			for (JsonObject replacement : replacements) {
				JsonObject deleted = replacement.getAsJsonObject("deletedRegion");
				int offset = deleted.get("charOffset").getAsInt();
				int end = offset + deleted.get("charLength").getAsInt();
				assertTrue(end <= limit, "replacements must not overlap: " + change);
				limit = offset;
				String inserted = replacement.has("insertedContent") ? replacement.getAsJsonObject("insertedContent").get("text").getAsString() : "";
				text.replace(offset, end, inserted);
			}
			Files.writeString(file, text);
		}
	}

	private static Path write(Path file, String text, String lineBreak) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, text.replace("\n", lineBreak));
		return file;
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				} else {
					Files.copy(file, target);
				}
			}
		} catch (UncheckedIOException e) {
			throw e.getCause();
		}
	}
}
