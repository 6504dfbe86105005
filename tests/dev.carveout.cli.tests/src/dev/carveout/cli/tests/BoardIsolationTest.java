package dev.carveout.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.carveout.cli.CheckCommand;
import dev.carveout.cli.CheckCommand.BoardWork;
import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.memmap.Finding;

/**
 * A failure inside Carveout while one board of a batch is checked or reported is contained: that board's
 * result is an internal finding, every other board gets exactly the result it gets alone, each input one
 * result in every format, and the run exits 4. The failure is a test-only fault put in the engine's way
 * (every failure real input caused is a limit with a finding of its own now).
 */
class BoardIsolationTest {

	private static final Path SAMPLE = Path.of(System.getProperty("carveout.examples", "../../examples"), "qcom-board", "board.dts");

	@TempDir
	Path dir;

	private Path overlap;
	private Path faulty;

	/** Faults of every kind that escaped the engine in the field, thrown for real where they can be. */
	enum Fault {
		EXCEPTION {
			@Override
			CheckResult on(Path board) {
				throw new IllegalStateException("test fault");
			}
		},
		STACK_OVERFLOW {
			@Override
			CheckResult on(Path board) {
				recurse(0);
				return null;
			}
		},
		OUT_OF_MEMORY {
			/** More than the heap can hold, so the JVM refuses it at once instead of filling a shared machine's memory. */
			@Override
			CheckResult on(Path board) {
				assertTrue(Runtime.getRuntime().maxMemory() < 15L << 30, "the test JVM's heap must be under 15 GiB");
				long[] tooBig = new long[Integer.MAX_VALUE - 16];
				return tooBig.length == 0 ? null : null;
			}
		},
		/** A result the report cannot render: the failure happens while building the text, JSON or SARIF. */
		BROKEN_RESULT {
			@Override
			CheckResult on(Path board) {
				List<Finding> poisoned = new AbstractList<>() {
					@Override
					public Finding get(int index) {
						throw new IllegalStateException("test fault while reporting");
					}

					@Override
					public int size() {
						return 1;
					}
				};
				return new CheckResult(board, poisoned, Set.of(board), null);
			}
		};

		abstract CheckResult on(Path board);

		/** The throwable's class, as the internal finding names it. */
		String named() {
			return switch (this) {
				case EXCEPTION, BROKEN_RESULT -> "java.lang.IllegalStateException";
				case STACK_OVERFLOW -> "java.lang.StackOverflowError";
				case OUT_OF_MEMORY -> "java.lang.OutOfMemoryError";
			};
		}

		private static int recurse(int depth) {
			return recurse(depth + 1) + 1;
		}
	}

	@BeforeEach
	void boards() throws Exception {
		overlap = write("overlap.dts", """
				/dts-v1/;
				/ { #address-cells = <2>; #size-cells = <2>;
					reserved-memory { #address-cells = <2>; #size-cells = <2>; ranges;
						a@80000000 { reg = <0x0 0x80000000 0x0 0x200000>; };
						b@80100000 { reg = <0x0 0x80100000 0x0 0x100000>; };
					};
				};
				""");
		faulty = write("faulty.dts", "/dts-v1/;\n/ { };\n");
	}

	@ParameterizedTest
	@EnumSource(Fault.class)
	void textHasEveryOtherBoardsExactFindingsAndTheFaultyBoardsInternalOne(Fault fault) {
		Run batch = run(fault, overlap.toString(), faulty.toString(), SAMPLE.toString());
		assertEquals(CheckCommand.INTERNAL, batch.status(), batch.err());
		List<String> expected = new ArrayList<>(alone("text", overlap).out().lines().toList());
		expected.add(internalLine(fault));
		expected.addAll(alone("text", SAMPLE).out().lines().toList());
		assertEquals(expected, batch.out().lines().map(l -> l.startsWith(internalLine(fault)) ? internalLine(fault) : l).toList());
		assertEquals(List.of("carveout check: Carveout failed on 1 board"), batch.err().lines().toList());
	}

	@ParameterizedTest
	@EnumSource(Fault.class)
	void jsonHasOneLinePerInputAndTheFaultyBoardsIsItsInternalFinding(Fault fault) {
		Run batch = run(fault, "--format", "json", overlap.toString(), faulty.toString(), SAMPLE.toString());
		assertEquals(CheckCommand.INTERNAL, batch.status(), batch.err());
		List<String> lines = batch.out().lines().toList();
		assertEquals(3, lines.size(), batch.out());
		assertEquals(alone("json", overlap).out().strip(), lines.get(0));
		assertEquals(alone("json", SAMPLE).out().strip(), lines.get(2));
		JsonObject board = JsonParser.parseString(lines.get(1)).getAsJsonObject();
		assertEquals(faulty.toString(), board.get("file").getAsString());
		JsonArray diagnostics = board.getAsJsonArray("diagnostics");
		assertEquals(1, diagnostics.size(), lines.get(1));
		JsonObject internal = diagnostics.get(0).getAsJsonObject();
		assertEquals("internal", internal.get("rule").getAsString());
		assertEquals("error", internal.get("severity").getAsString());
		assertEquals(faulty.toString(), internal.get("file").getAsString());
		assertEquals(1, internal.get("line").getAsInt());
		assertTrue(internal.get("message").getAsString().startsWith("Carveout failed on this board: " + fault.named()), lines.get(1));
		assertTrue(internal.get("message").getAsString().endsWith("please report it with the board"), lines.get(1));
	}

	@ParameterizedTest
	@EnumSource(Fault.class)
	void sarifHoldsEveryOtherBoardsResultsAndSaysTheRunFailed(Fault fault) {
		Run batch = run(fault, "--format", "sarif", overlap.toString(), faulty.toString(), SAMPLE.toString());
		assertEquals(CheckCommand.INTERNAL, batch.status(), batch.err());
		SarifSchema.assertValid(batch.out());
		JsonObject run = runOf(batch);
		List<JsonElement> results = run.getAsJsonArray("results").asList();
		List<JsonElement> before = runOf(alone("sarif", overlap)).getAsJsonArray("results").asList();
		List<JsonElement> after = runOf(alone("sarif", SAMPLE)).getAsJsonArray("results").asList();
		assertEquals(before.size() + 1 + after.size(), results.size(), batch.out());
		assertEquals(before, results.subList(0, before.size()));
		assertEquals(after, results.subList(before.size() + 1, results.size()));
		JsonObject internal = results.get(before.size()).getAsJsonObject();
		assertEquals("internal", internal.get("ruleId").getAsString());
		assertEquals("error", internal.get("level").getAsString());
		assertTrue(internal.toString().contains("faulty.dts"), internal.toString());
		JsonObject rule = run.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules")
				.get(internal.get("ruleIndex").getAsInt()).getAsJsonObject();
		assertEquals("internal", rule.get("id").getAsString());
		assertTrue(rule.getAsJsonObject("help").get("text").getAsString().contains("please report it"), rule.toString());
		JsonObject invocation = run.getAsJsonArray("invocations").get(0).getAsJsonObject();
		assertFalse(invocation.get("executionSuccessful").getAsBoolean());
		assertTrue(invocation.getAsJsonArray("toolExecutionNotifications").toString().contains(faulty.toString()), invocation.toString());
	}

	@Test
	void aRunWithoutFailuresStillSucceedsInSarif() {
		Run clean = alone("sarif", SAMPLE);
		assertEquals(CheckCommand.OK, clean.status(), clean.err());
		assertTrue(runOf(clean).getAsJsonArray("invocations").get(0).getAsJsonObject().get("executionSuccessful").getAsBoolean());
	}

	@Test
	void everyBoardOfAKernelTreeGetsItsSummaryLine() throws Exception {
		Path ksrc = dir.resolve("linux");
		Files.createDirectories(ksrc.resolve("scripts/dtc/include-prefixes"));
		Path vendor = Files.createDirectories(ksrc.resolve("arch/arm64/boot/dts/vendor"));
		Files.copy(overlap, vendor.resolve("a.dts"));
		faulty = Files.copy(faulty, vendor.resolve("b.dts"));
		Files.writeString(vendor.resolve("c.dts"), "/dts-v1/;\n/ { };\n");
		Run batch = run(Fault.STACK_OVERFLOW, "--kernel-tree", ksrc.toString(), "--all-boards", "arm64");
		assertEquals(CheckCommand.INTERNAL, batch.status(), batch.err());
		List<String> summaries = batch.out().lines().filter(l -> l.matches(".*\\.dts: \\d+ errors?, .*")).toList();
		assertEquals(3, summaries.size(), batch.out());
		assertTrue(summaries.get(0).endsWith("a.dts: 1 error, 0 warnings, 0 info"), summaries.toString());
		assertTrue(summaries.get(1).endsWith("b.dts: 1 error, 0 warnings, 0 info"), summaries.toString());
		assertTrue(summaries.get(2).endsWith("c.dts: 0 errors, 0 warnings, 0 info"), summaries.toString());
	}

	@Test
	void predictingTheBootLogGoesOnPastTheFaultyBoardAndNamesItOnStderr() {
		Run batch = run(Fault.OUT_OF_MEMORY, "--predict-boot-log", SAMPLE.toString(), faulty.toString(), SAMPLE.toString());
		assertEquals(CheckCommand.INTERNAL, batch.status(), batch.err());
		String predicted = alone("--predict-boot-log", SAMPLE).out();
		assertFalse(predicted.isEmpty());
		assertEquals(predicted + predicted, batch.out());
		assertEquals(List.of(internalLine(Fault.OUT_OF_MEMORY), "carveout check: Carveout failed on 1 board"),
				batch.err().lines().map(l -> l.startsWith(internalLine(Fault.OUT_OF_MEMORY)) ? internalLine(Fault.OUT_OF_MEMORY) : l).toList());
	}

	/** 4 over 3 (a missing input) over 2 (errors), and every failed board counted. */
	@Test
	void aFailureOutranksEveryOtherStatusAndEachFailedBoardCounts() throws Exception {
		Path second = write("second-faulty.dts", "/dts-v1/;\n/ { };\n");
		BoardWork faultyBoards = (engine, parts) -> parts.get(0).getFileName().toString().contains("faulty")
				? Fault.EXCEPTION.on(parts.get(0)) : engine.check(parts, SourceOverlay.NONE);
		Run batch = run(faultyBoards, overlap.toString(), dir.resolve("missing.dts").toString(), faulty.toString(), second.toString());
		assertEquals(CheckCommand.INTERNAL, batch.status(), batch.err());
		assertTrue(batch.err().endsWith("carveout check: Carveout failed on 2 boards\n"), batch.err());
		assertEquals(3, batch.out().lines().filter(l -> l.contains("ERROR (")).count(), batch.out());
	}

	/** A board that hits one of the engine's input limits is an error finding of the board's own: exit 2, not 4. */
	@Test
	void aBoardOverALimitInTheMiddleIsAnInputErrorNotAFailure() throws Exception {
		int depth = 10_000;
		Path deep = write("deep.dts", "/dts-v1/;\n/ {\n" + "a {\n".repeat(depth) + "};\n".repeat(depth) + "};\n");
		Run batch = run((engine, parts) -> engine.check(parts, SourceOverlay.NONE), "--format", "json", overlap.toString(), deep.toString(), SAMPLE.toString());
		assertEquals(CheckCommand.ERRORS, batch.status(), batch.err());
		assertEquals("", batch.err());
		List<String> lines = batch.out().lines().toList();
		assertEquals(List.of(alone("json", overlap).out().strip(), lines.get(1), alone("json", SAMPLE).out().strip()), lines);
		JsonArray diagnostics = JsonParser.parseString(lines.get(1)).getAsJsonObject().getAsJsonArray("diagnostics");
		assertTrue(diagnostics.asList().stream().map(JsonElement::getAsJsonObject)
				.anyMatch(d -> d.get("rule").getAsString().equals("input") && d.get("message").getAsString().contains("nesting deeper than")),
				lines.get(1));
	}

	// --- helpers -----------------------------------------------------------------------------------------

	private record Run(int status, String out, String err) {
	}

	private Run run(Fault fault, String... args) {
		return run((engine, parts) -> parts.get(0).equals(faulty) ? fault.on(parts.get(0)) : engine.check(parts, SourceOverlay.NONE), args);
	}

	private static Run run(BoardWork work, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = new CheckCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
				Path.of(""), work).run(List.of(args));
		return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/** One board checked alone by the engine itself: the result it must get in a batch too. */
	private static Run alone(String format, Path board) {
		List<String> args = format.startsWith("--") ? List.of(format, board.toString()) : List.of("--format", format, board.toString());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = new CheckCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
				.run(args);
		return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private String internalLine(Fault fault) {
		return faulty + ":1.1: ERROR (internal): Carveout failed on this board: " + fault.named();
	}

	private static JsonObject runOf(Run run) {
		return JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
	}

	private Path write(String name, String text) throws Exception {
		return Files.writeString(dir.resolve(name), text);
	}
}
