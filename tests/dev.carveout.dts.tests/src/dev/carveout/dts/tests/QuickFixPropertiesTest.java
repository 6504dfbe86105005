package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.CheckSettings;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.dts.fdt.FdtReader;
import dev.carveout.dts.fix.Fix;
import dev.carveout.dts.fix.QuickFixes;
import dev.carveout.dts.fix.TextEdit;
import dev.carveout.memmap.Finding;

/**
 * Properties of the quick fixes over generated boards shaped like kernel boards (GeneratedBoard; seeded, so a
 * failure names the layout and shows its files). Each offered fix is judged outside the engine: the fixed
 * board is compiled by the machine's cpp and dtc as kbuild does, and the kernel-level facts of its DTB
 * (KernelFacts, decoded by the test's own code) must have lost the one the fix is for and gained none.
 * The engine must also no longer report the targeted finding (by rule and node). Applying fixes one after
 * another converges.
 */
class QuickFixPropertiesTest {

	private static final int LAYOUTS = 60;

	/** Fixes tried over all layouts, by rule and by file: the properties mean nothing if none were tried. */
	private static final AtomicInteger fixesTried = new AtomicInteger();
	private static final Set<String> rulesFixed = ConcurrentHashMap.newKeySet();
	private static final Set<String> filesFixed = ConcurrentHashMap.newKeySet();

	@TempDir
	Path dir;

	static List<Long> seeds() {
		List<Long> seeds = new ArrayList<>();
		for (long s = 1; s <= LAYOUTS; s++) {
			seeds.add(s * 7919);
		}
		return seeds;
	}

	private BoardChecker checker() {
		return new BoardChecker(CheckSettings.defaults().withIncludeDirs(List.of(dir.resolve(GeneratedBoard.INCLUDE_DIR))));
	}

	@ParameterizedTest(name = "layout {0}")
	@MethodSource("seeds")
	void everyOfferedFixMeetsTheKernelAsDtcCompilesIt(long seed) throws Exception {
		GeneratedBoard layout = GeneratedBoard.of(seed);
		Path board = layout.writeTo(dir);
		BoardChecker checker = checker();
		List<String> factsBefore = facts(board);
		CheckResult before = checker.check(board, SourceOverlay.NONE);
		QuickFixes fixes = new QuickFixes(checker);
		for (Finding finding : before.findings()) {
			for (Fix fix : fixes.fixesFor(finding, before, SourceOverlay.NONE)) {
				fixesTried.incrementAndGet();
				rulesFixed.add(fix.ruleId());
				Map<Path, String> originals = apply(fix);
				String context = "seed " + seed + ": \"" + fix.label() + "\" for " + finding + "\n"
						+ GeneratedBoard.show(dir, layout.files().keySet());
				CheckResult after = checker.check(board, SourceOverlay.NONE);
				assertEquals(List.of(), Boards.byRule(after, BoardChecker.RULE_SYNTAX), context);
				assertTrue(count(after.findings(), key(finding)) < count(before.findings(), key(finding)),
						"the engine still reports " + key(finding) + " after " + context);

				List<String> factsAfter = facts(board);
				List<String> added = new ArrayList<>(factsAfter);
				factsBefore.forEach(added::remove);
				assertEquals(List.of(), added, "facts of the DTB before " + factsBefore + ", after " + factsAfter + "; " + context);
				String node = nodeName(finding);
				assertTrue(factsOf(factsAfter, finding.ruleId(), node) < factsOf(factsBefore, finding.ruleId(), node),
						"the DTB still has the " + finding.ruleId() + " fact of " + node + " " + factsAfter + " after " + context);
				for (Map.Entry<Path, String> original : originals.entrySet()) {
					Files.writeString(original.getKey(), original.getValue());
				}
			}
		}
	}

	@ParameterizedTest(name = "layout {0}")
	@MethodSource("seeds")
	void applyingFixesOneAfterAnotherConverges(long seed) throws Exception {
		Path board = GeneratedBoard.of(seed).writeTo(dir);
		BoardChecker checker = checker();
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
			apply(next);
		}
		throw new AssertionError("seed " + seed + ": fixes did not converge in 40 steps");
	}

	@AfterAll
	static void theLayoutsExercisedTheFixes() {
		System.out.printf("quick-fix properties: %d fixes judged by cpp + dtc over %d layouts, rules %s, files %s%n", fixesTried.get(),
				LAYOUTS, new java.util.TreeSet<>(rulesFixed), new java.util.TreeSet<>(filesFixed));
		assertTrue(fixesTried.get() > LAYOUTS, "only " + fixesTried + " fixes offered over " + LAYOUTS + " layouts");
		assertTrue(rulesFixed.containsAll(Set.of("R1", "R4", "R6", "R7", "R8", "R12", "R13")), "fixes tried for " + rulesFixed);
		assertTrue(filesFixed.containsAll(Set.of(GeneratedBoard.BOARD, GeneratedBoard.SOC)), "fixes edited only " + filesFixed);
	}

	/** Applies the fix to the files on disk; returns their texts before. */
	private Map<Path, String> apply(Fix fix) throws IOException {
		Map<Path, String> originals = new HashMap<>();
		for (Path file : fix.files()) {
			String text = Files.readString(file);
			originals.put(file, text);
			Files.writeString(file, TextEdit.apply(text, fix.editsOf(file)));
			filesFixed.add(dir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString());
		}
		return originals;
	}

	private List<String> facts(Path board) throws Exception {
		return KernelFacts.of(FdtReader.read(Dtc.compileWithCpp(board, List.of(dir.resolve(GeneratedBoard.INCLUDE_DIR)))));
	}

	/** The facts of one rule that name the node (an overlap names both of its nodes). */
	private static long factsOf(List<String> facts, String ruleId, String node) {
		return facts.stream().filter(f -> f.startsWith(ruleId + " ") && List.of(f.split(" ")).subList(2, f.split(" ").length).contains(node))
				.count();
	}

	private static String nodeName(Finding finding) {
		String last = finding.nodePath().substring(finding.nodePath().lastIndexOf('/') + 1);
		return last.replaceAll("@.*", "");
	}

	private static long count(List<Finding> findings, String key) {
		return findings.stream().filter(f -> key(f).equals(key)).count();
	}

	/**
	 * A finding across edits: its rule, its node and the other node it names (an overlap's partner), without
	 * unit addresses (a fix may rename a node).
	 */
	private static String key(Finding f) {
		return f.ruleId() + " " + (f.nodePath() == null ? "" : f.nodePath().replaceAll("@[^/]*", ""))
				+ f.related().stream().map(r -> " " + r.what().split(" ")[0].replaceAll("@.*", "")).reduce("", String::concat);
	}
}
