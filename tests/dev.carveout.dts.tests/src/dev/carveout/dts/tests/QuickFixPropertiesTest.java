package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.CheckSettings;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.dts.fix.Fix;
import dev.carveout.dts.fix.QuickFixes;
import dev.carveout.dts.fix.TextEdit;
import dev.carveout.memmap.Finding;

/**
 * Properties of the quick fixes over generated layouts (seeded, so a failure names the layout that broke
 * it): every offered fix leaves the board parseable, removes its finding and adds none; applying fixes one
 * after another converges.
 */
class QuickFixPropertiesTest {

	private static final int LAYOUTS = 60;

	/** Fixes tried over all layouts: the properties mean nothing if the generator never offers one. */
	private static int fixesTried;
	private static final java.util.Set<String> rulesFixed = java.util.concurrent.ConcurrentHashMap.newKeySet();

	@TempDir
	Path dir;

	private final BoardChecker checker = new BoardChecker(CheckSettings.defaults());

	static List<Long> seeds() {
		List<Long> seeds = new ArrayList<>();
		for (long s = 1; s <= LAYOUTS; s++) {
			seeds.add(s * 7919);
		}
		return seeds;
	}

	/**
	 * 3 to 6 carve-outs in 64 KiB steps near each other, so overlaps and misalignment are common; some with a
	 * second reg entry (R4), and now and then a /reserved-memory without ranges (R1). The second generator
	 * keeps the layouts of the first one as they were.
	 */
	static String layout(long seed) {
		Random random = new Random(seed);
		Random more = new Random(~seed);
		StringBuilder children = new StringBuilder();
		int count = 3 + random.nextInt(4);
		for (int i = 0; i < count; i++) {
			long base = 0x80000000L + (long) random.nextInt(96) * 0x10000;
			long size = (1 + random.nextInt(48)) * 0x10000L;
			boolean hexUnit = random.nextInt(5) == 0;
			boolean cma = random.nextInt(4) == 0;
			String flags = cma ? "compatible = \"shared-dma-pool\"; reusable;" + (random.nextInt(3) == 0 ? " no-map;" : "")
					: "no-map;";
			String second = more.nextInt(6) == 0
					? String.format(", <0x0 0x%x 0x0 0x%x>", 0x80000000L + (long) more.nextInt(96) * 0x10000, (1 + more.nextInt(16)) * 0x10000L)
					: "";
			children.append(String.format("\t\tr%d: region%d@%s%x {\n\t\t\treg = <0x0 0x%x 0x0 0x%x>%s;\n\t\t\t%s\n\t\t};\n",
					i, i, hexUnit ? "0x" : "", base, base, size, second, flags));
		}
		return more.nextInt(8) == 0 ? ignoredByTheKernel(more) : Boards.reserved(children.toString());
	}

	/**
	 * Tidy carve-outs under a /reserved-memory Linux ignores (no ranges, or the wrong #size-cells). While it
	 * is ignored no other rule reports anything, so the R1 fix is only offered (and tried here) where it
	 * reveals no other problem.
	 */
	private static String ignoredByTheKernel(Random random) {
		StringBuilder children = new StringBuilder();
		for (int i = 0; i < 2 + random.nextInt(3); i++) {
			long base = 0x80000000L + i * 0x400000L;
			children.append(String.format("\t\tfw%d@%x { reg = <0x0 0x%x 0x0 0x%x>; no-map; };\n", i, base, base, (1 + random.nextInt(4)) * 0x100000L));
		}
		String board = Boards.reserved(children.toString());
		return random.nextBoolean() ? board.replace("\t\tranges;\n", "") : board.replace("\t\t#size-cells = <2>;", "\t\t#size-cells = <1>;");
	}

	@ParameterizedTest(name = "layout {0}")
	@MethodSource("seeds")
	void everyOfferedFixRemovesItsFindingAndAddsNone(long seed) throws Exception {
		Path board = dir.resolve("board.dts");
		String original = layout(seed);
		Files.writeString(board, original);
		CheckResult before = checker.check(board, SourceOverlay.NONE);
		QuickFixes fixes = new QuickFixes(checker);
		for (Finding finding : before.findings()) {
			for (Fix fix : fixes.fixesFor(finding, before, SourceOverlay.NONE)) {
				fixesTried++;
				rulesFixed.add(fix.ruleId());
				String fixed = TextEdit.apply(original, fix.editsOf(board));
				Files.writeString(board, fixed);
				CheckResult after = checker.check(board, SourceOverlay.NONE);
				String context = "seed " + seed + ", " + fix.label() + "\n" + fixed;
				assertEquals(List.of(), Boards.byRule(after, BoardChecker.RULE_SYNTAX), context);
				List<String> remaining = new ArrayList<>(before.findings().stream().map(QuickFixPropertiesTest::key).toList());
				for (Finding f : after.findings()) {
					assertTrue(remaining.remove(key(f)), "new finding " + f + " after " + context);
				}
				assertTrue(after.findings().size() < before.findings().size(), context);
				Files.writeString(board, original);
			}
		}
	}

	@ParameterizedTest(name = "layout {0}")
	@MethodSource("seeds")
	void applyingFixesOneAfterAnotherConverges(long seed) throws Exception {
		Path board = dir.resolve("board.dts");
		Files.writeString(board, layout(seed));
		QuickFixes fixes = new QuickFixes(checker);
		int previous = Integer.MAX_VALUE;
		for (int step = 0; step < 40; step++) {
			CheckResult result = checker.check(board, SourceOverlay.NONE);
			assertTrue(result.findings().size() < previous, "seed " + seed + ": findings must drop at every step");
			previous = result.findings().size();
			Fix next = result.findings().stream().flatMap(f -> fixes.fixesFor(f, result, SourceOverlay.NONE).stream()).findFirst()
					.orElse(null);
			if (next == null) {
				return;
			}
			Files.writeString(board, TextEdit.apply(Files.readString(board), next.editsOf(board)));
		}
		throw new AssertionError("seed " + seed + ": fixes did not converge in 40 steps");
	}

	@AfterAll
	static void theLayoutsExercisedTheFixes() {
		assertTrue(fixesTried > LAYOUTS, "only " + fixesTried + " fixes offered over " + LAYOUTS + " layouts");
		assertTrue(rulesFixed.containsAll(java.util.Set.of("R1", "R4", "R6", "R7", "R8", "R12", "R13")), "fixes tried for " + rulesFixed);
	}

	private static String key(Finding f) {
		return f.ruleId() + " " + (f.nodePath() == null ? "" : f.nodePath().replaceAll("@[^/]*", ""));
	}
}
