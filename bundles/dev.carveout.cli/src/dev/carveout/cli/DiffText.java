package dev.carveout.cli;

import java.util.ArrayList;
import java.util.List;

import dev.carveout.memmap.Finding;
import dev.carveout.memmap.SourceRef;
import dev.carveout.memmap.compare.MapDifference;

/**
 * {@code carveout diff}'s default format: a heading line per board, then one line per memory-map difference
 * (the node, both values, where the head side defines it) and per finding that appeared ("+") or went away
 * ("-"), the findings in dtc's style as check prints them.
 */
final class DiffText {

	private DiffText() {
	}

	static List<String> lines(BoardDiff board) {
		List<String> lines = new ArrayList<>();
		lines.add(heading(board));
		if (board.differences() == null) {
			lines.add("  memory map: not compared, the board cannot be read on one side (see the findings)");
		} else {
			board.differences().forEach(d -> lines.add("  " + d.path() + ": " + d.message(board.baseLabel(), board.headLabel()) + where(d)));
		}
		board.appeared().forEach(f -> lines.add("  + " + DtcStyle.format(f)));
		board.gone().forEach(f -> lines.add("  - " + DtcStyle.format(f)));
		return lines;
	}

	private static String heading(BoardDiff board) {
		String what = switch (board.change()) {
			case ADDED -> "new board (only in " + board.headLabel() + ")";
			case REMOVED -> "board removed (only in " + board.baseLabel() + ")";
			case CHANGED -> board.unchanged() ? "no change to the memory map or the findings" : board.baseLabel() + " -> " + board.headLabel();
		};
		// --boards names the board after both sides already
		return board.name().equals(what) ? board.name() + ":" : board.name() + ": " + what;
	}

	/** The place a reviewer looks at: the head side's, else the base side's. */
	static String where(MapDifference d) {
		SourceRef at = d.rightAt().isKnown() ? d.rightAt() : d.leftAt();
		return at.isKnown() ? " (" + at.file() + ":" + at.line() + ")" : "";
	}

	/** The run's last line: what the diff found in all. */
	static String summary(List<BoardDiff> boards, int changedFiles) {
		long withMapChanges = boards.stream().filter(b -> b.differences() != null && !b.differences().isEmpty()).count();
		long newErrors = count(boards, dev.carveout.memmap.Severity.ERROR);
		long newWarnings = count(boards, dev.carveout.memmap.Severity.WARNING);
		long gone = boards.stream().mapToLong(b -> b.gone().size()).sum();
		return "carveout diff: " + boards.size() + (boards.size() == 1 ? " board" : " boards")
				+ (changedFiles >= 0 ? " reached by " + changedFiles + " changed " + (changedFiles == 1 ? "file" : "files") : "") + ", "
				+ withMapChanges + " with memory-map changes, " + newErrors + " new errors, " + newWarnings + " new warnings, "
				+ gone + " findings gone";
	}

	private static long count(List<BoardDiff> boards, dev.carveout.memmap.Severity severity) {
		return boards.stream().flatMap(b -> b.appeared().stream()).map(Finding::severity).filter(severity::equals).count();
	}
}
