package dev.carveout.cli;

import dev.carveout.memmap.Finding;
import dev.carveout.memmap.SourceRef;

/** Formats a finding the way dtc prints its checks: {@code file:line.col: Warning (rule): /path: message}. */
final class DtcStyle {

	private DtcStyle() {
	}

	static String format(Finding finding) {
		SourceRef at = finding.at();
		// A file without a line: the board itself, for what only another tree (a DTB) has.
		String where = at.isKnown() ? at.file() + ":" + at.line() + "." + at.column() : at.file() != null ? at.file().toString() : "<unknown>";
		String level = switch (finding.severity()) {
			case ERROR -> "ERROR";
			case WARNING -> "Warning";
			default -> "Info";
		};
		return where + ": " + level + " (" + finding.ruleId() + "): " + text(finding);
	}

	/** The finding's message after its node path, as dtc names the node a check is about. */
	static String text(Finding finding) {
		return (finding.nodePath() == null ? "" : finding.nodePath() + ": ") + finding.message();
	}

}
