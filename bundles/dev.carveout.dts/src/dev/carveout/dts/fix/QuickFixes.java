package dev.carveout.dts.fix;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

	/** The fixes for the finding that make the board better, or why none can be made (a value written with a macro). */
	public FixOffer offer(Finding finding, CheckResult result, SourceOverlay overlay) {
		if (result.memoryMap() == null || finding.nodePath() == null) {
			return FixOffer.NONE;
		}
		Candidates candidates;
		try {
			if (finding.ruleId().equals(ReservedMemoryFixes.RULE) && result.tree() != null) {
				candidates = new ReservedMemoryFixes(result, overlay).fixes();
			} else {
				Region region = result.memoryMap().regions().stream().filter(r -> r.path().equals(finding.nodePath())).findFirst()
						.orElse(null);
				if (region == null) {
					return FixOffer.NONE;
				}
				candidates = new RegionFixes(region, result, overlay, checker.settings().profile()).forRule(finding.ruleId());
			}
		} catch (IOException e) {
			return FixOffer.NONE;
		}
		return new FixOffer(candidates.fixes().stream().filter(fix -> improves(fix, finding, result, overlay)).toList(),
				candidates.whyNone());
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
		CheckResult after = checker.check(before.board(), applied);
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
	 * What identifies a finding across edits: the rule and the node without unit addresses (a fix may rename
	 * the node to match its new base); messages and lines move with the fix.
	 */
	private static String key(Finding f) {
		return f.ruleId() + " " + (f.nodePath() == null ? "" : f.nodePath().replaceAll("@[^/]*", ""));
	}
}
