package dev.carveout.cli;

import java.util.ArrayList;
import java.util.List;

import dev.carveout.memmap.Finding;
import dev.carveout.memmap.SourceRef;
import dev.carveout.memmap.compare.MapDifference;

/**
 * {@code carveout diff --format markdown}: a heading and a table per board, ready to paste as a review comment.
 * A row per memory-map difference (both values) and per finding that appeared or went away.
 */
final class DiffMarkdown {

	private DiffMarkdown() {
	}

	static List<String> lines(BoardDiff board) {
		List<String> lines = new ArrayList<>();
		String what = switch (board.change()) {
			case ADDED -> " (new board)";
			case REMOVED -> " (board removed)";
			case CHANGED -> "";
		};
		lines.add("#### `" + board.name() + "`" + what);
		lines.add("");
		if (board.unchanged()) {
			lines.add("No change to the memory map or the findings.");
			lines.add("");
			return lines;
		}
		lines.add("| change | node | " + cell(board.baseLabel()) + " | " + cell(board.headLabel()) + " | where |");
		lines.add("|---|---|---|---|---|");
		if (board.differences() == null) {
			lines.add("| memory map not compared | | | | the board cannot be read on one side |");
		} else {
			for (MapDifference d : board.differences()) {
				lines.add("| " + d.kind().word() + " | `" + cell(d.path()) + "` | " + value(d.leftValue()) + " | " + value(d.rightValue()) + " | "
						+ place(d.rightAt().isKnown() ? d.rightAt() : d.leftAt()) + " |");
			}
		}
		board.appeared().forEach(f -> lines.add(finding("new", f, "", cell(f.message()))));
		board.gone().forEach(f -> lines.add(finding("gone", f, cell(f.message()), "")));
		lines.add("");
		return lines;
	}

	private static String finding(String change, Finding f, String before, String after) {
		return "| " + change + " " + f.severity().name().toLowerCase(java.util.Locale.ROOT) + " " + f.ruleId() + " | "
				+ (f.nodePath() == null ? "" : "`" + cell(f.nodePath()) + "`") + " | " + before + " | " + after + " | " + place(f.at()) + " |";
	}

	private static String value(String value) {
		return value == null ? "—" : "`" + cell(value) + "`";
	}

	private static String place(SourceRef at) {
		return at.file() == null ? "" : "`" + cell(at.file().toString()) + (at.isKnown() ? ":" + at.line() : "") + "`";
	}

	/** A table cell's text: a '|' would end the cell, a line break the row. */
	static String cell(String text) {
		return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
	}
}
