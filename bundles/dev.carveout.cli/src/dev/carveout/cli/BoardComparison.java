package dev.carveout.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.InternalFailure;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.MemoryMap;
import dev.carveout.memmap.compare.MapDifference;
import dev.carveout.memmap.compare.MemoryMapComparison;

/**
 * Checks one board on both sides of a diff and compares: the memory maps with the engine's comparison (a side
 * without the board counts as an empty map, so every region of a new board is added), the findings as multisets
 * by what they say. Lines are left out of a finding's identity: a line added above a carve-out moves every
 * finding below it, which is no news to a reviewer.
 */
final class BoardComparison {

	/** A side's check, its places in the repository; null when the side lacks the board. */
	record Checked(CheckResult result, List<Finding> findings, boolean failed) {
	}

	private BoardComparison() {
	}

	static Checked check(DiffSide side, List<Path> parts) {
		if (parts == null) {
			return null;
		}
		CheckResult result;
		boolean failed = false;
		try {
			result = side.checker().check(parts, side.overlay());
		} catch (Throwable failure) {
			// contained to this board, as in check: its one internal finding
			result = InternalFailure.result(parts.get(0), failure);
			failed = true;
		}
		return new Checked(result, result.findings().stream().map(side::real).toList(), failed);
	}

	static BoardDiff compare(String name, DiffSide baseSide, Checked base, DiffSide headSide, Checked head) {
		BoardDiff.Change change = base == null ? BoardDiff.Change.ADDED : head == null ? BoardDiff.Change.REMOVED : BoardDiff.Change.CHANGED;
		MemoryMap before = base == null ? empty(head.result().memoryMap()) : base.result().memoryMap();
		MemoryMap after = head == null ? empty(base.result().memoryMap()) : head.result().memoryMap();
		List<MapDifference> differences = null;
		if (before != null && after != null) {
			differences = MemoryMapComparison.compare(before, after, headSide.checker().settings().profile()).stream()
					.map(d -> headSide.real(baseSide.real(d, true), false)).toList();
		}
		List<Finding> beforeFindings = base == null ? List.of() : base.findings();
		List<Finding> afterFindings = head == null ? List.of() : head.findings();
		Path baseBoard = base == null ? null : baseSide.real(base.result().board());
		Path headBoard = head == null ? null : headSide.real(head.result().board());
		boolean failed = base != null && base.failed() || head != null && head.failed();
		List<String> parts = head != null ? head.result().parts().stream().map(p -> headSide.real(p).toString()).toList()
				: base.result().parts().stream().map(p -> baseSide.real(p).toString()).toList();
		return new BoardDiff(name, parts, change, baseSide.label(), headSide.label(), differences,
				onlyIn(afterFindings, headBoard, beforeFindings, baseBoard), onlyIn(beforeFindings, baseBoard, afterFindings, headBoard), failed);
	}

	/** A map with nothing in it, for the side that lacks the board; null when the other side has no map either. */
	private static MemoryMap empty(MemoryMap other) {
		return other == null ? null : new MemoryMap(other.rootAddressCells(), other.rootSizeCells(), List.of(), List.of(), null, List.of());
	}

	/** The findings of {@code these} that {@code others} lacks, counting repeats. */
	static List<Finding> onlyIn(List<Finding> these, Path theseBoard, List<Finding> others, Path othersBoard) {
		Map<String, Integer> remaining = new HashMap<>();
		others.forEach(f -> remaining.merge(key(f, othersBoard), 1, Integer::sum));
		List<Finding> only = new ArrayList<>();
		for (Finding f : these) {
			String key = key(f, theseBoard);
			Integer count = remaining.get(key);
			if (count != null && count > 0) {
				remaining.put(key, count - 1);
			} else {
				only.add(f);
			}
		}
		return only;
	}

	/**
	 * What a finding says: rule, severity, file, node and message. The board's own file is "the board", so the
	 * same finding in two boards' own files (--boards) is the same finding.
	 */
	private static String key(Finding f, Path board) {
		Path file = f.at().file();
		String where = file == null ? "" : file.equals(board) ? "<board>" : file.toString();
		String message = board == null ? f.message() : f.message().replace(board.toString(), "<board>");
		return f.ruleId() + '\0' + f.severity() + '\0' + where + '\0' + f.nodePath() + '\0' + message;
	}
}
