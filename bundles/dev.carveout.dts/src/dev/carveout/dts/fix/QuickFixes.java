package dev.carveout.dts.fix;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.dts.cpp.SourceReader;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.Region;

/**
 * The quick fixes for a finding, the same in the editor, the Problems view and the language server. Every
 * candidate is tried on a copy of the sources and kept only if the board then has fewer findings and none
 * it did not have before: a fix never makes things worse.
 */
public final class QuickFixes {

	private final BoardChecker checker;

	public QuickFixes(BoardChecker checker) {
		this.checker = checker;
	}

	public List<Fix> fixesFor(Finding finding, CheckResult result, SourceOverlay overlay) {
		return offer(finding, result, overlay).fixes();
	}

	/**
	 * The fixes for the finding that make the board better, or why there are none: a value written with a
	 * macro, or fixes that were tried and would not make the board better.
	 */
	public FixOffer offer(Finding finding, CheckResult result, SourceOverlay overlay) {
		Candidates candidates = candidates(finding, result, overlay, new HashMap<>());
		List<Fix> better = candidates.fixes().stream().filter(fix -> improves(fix, finding, result, overlay)).toList();
		String whyNone = candidates.whyNone();
		if (whyNone == null && !candidates.fixes().isEmpty()) {
			whyNone = String.format("no quick fix: the %d way(s) to fix it tried would each add a finding or leave this one",
					candidates.fixes().size());
		}
		return new FixOffer(better, whyNone);
	}

	/**
	 * The board's findings, each one that no fix can be written for because of a macro or an expression with
	 * the reason added to its message: what markers and diagnostics show, so nobody waits for a fix that will
	 * not come. Cheap enough for every check: candidates are written (each file parsed once) but not re-checked.
	 */
	public List<Finding> explained(CheckResult result, SourceOverlay overlay) {
		Map<Path, SourceFile> sources = new HashMap<>();
		List<Finding> findings = new ArrayList<>();
		for (Finding finding : result.findings()) {
			Candidates candidates = FIXABLE.contains(finding.ruleId()) ? candidates(finding, result, overlay, sources) : Candidates.NONE;
			findings.add(candidates.fixes().isEmpty() && candidates.whyNone() != null
					? finding.withMessage(finding.message() + " (" + candidates.whyNone() + ")")
					: finding);
		}
		return findings;
	}

	/** The rules that have fixes. */
	private static final Set<String> FIXABLE = Set.of("R1", "R4", "R6", "R7", "R8", "R12", "R13");

	private Candidates candidates(Finding finding, CheckResult result, SourceOverlay overlay, Map<Path, SourceFile> sources) {
		if (result.memoryMap() == null || finding.nodePath() == null) {
			return Candidates.NONE;
		}
		try {
			if (finding.ruleId().equals(ReservedMemoryFixes.RULE)) {
				return result.tree() == null ? Candidates.NONE : new ReservedMemoryFixes(result, overlay).fixes();
			}
			Region region = result.memoryMap().regions().stream().filter(r -> r.path().equals(finding.nodePath())).findFirst()
					.orElse(null);
			return region == null ? Candidates.NONE
					: new RegionFixes(region, result, overlay, checker.settings().profile(), sources).forRule(finding.ruleId());
		} catch (IOException e) {
			return Candidates.NONE;
		}
	}

	/** The fix removes the finding and adds none: checked by checking the board again with the fix applied. */
	private boolean improves(Fix fix, Finding target, CheckResult before, SourceOverlay overlay) {
		Map<Path, String> edited = new HashMap<>();
		try {
			for (Path file : fix.files()) {
				edited.put(file, TextEdit.apply(SourceReader.withUnsaved(overlay::contentOf).read(file), fix.editsOf(file)));
			}
		} catch (IOException e) {
			return false;
		}
		SourceOverlay applied = file -> {
			String text = edited.get(file);
			return text != null ? Optional.of(text) : overlay.contentOf(file);
		};
		CheckResult after = checker.check(before.parts(), applied);
		List<String> remaining = new ArrayList<>(before.findings().stream().map(QuickFixes::key).toList());
		for (Finding finding : after.findings()) {
			if (!remaining.remove(key(finding))) {
				return false; // a finding the board did not have
			}
		}
		long targetBefore = before.findings().stream().filter(f -> key(f).equals(key(target))).count();
		long targetAfter = after.findings().stream().filter(f -> key(f).equals(key(target))).count();
		return targetAfter < targetBefore;
	}

	/**
	 * What identifies a finding across edits: the rule, the node and the nodes it names as related (the other
	 * region of an overlap), without unit addresses (a fix may rename a node to match its new base); messages
	 * and lines move with the fix. Without the related nodes, a fix that trades an overlap with one region for
	 * an overlap with another would count as adding nothing.
	 */
	private static String key(Finding f) {
		StringBuilder key = new StringBuilder(f.ruleId()).append(' ')
				.append(f.nodePath() == null ? "" : f.nodePath().replaceAll("@[^/]*", ""));
		f.related().forEach(r -> key.append(' ').append(r.what().split(" ")[0].replaceAll("@.*", "")));
		return key.toString();
	}
}
