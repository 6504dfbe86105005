package dev.carveout.cli;

import java.nio.file.Path;
import java.util.List;

import dev.carveout.memmap.Finding;
import dev.carveout.memmap.Severity;

/** One line per board under --all-boards: "board.dts: 2 errors, 5 warnings, 1 info". */
final class BoardSummary {

	private BoardSummary() {
	}

	static String line(Path board, List<Finding> findings) {
		return board + ": " + count(findings, Severity.ERROR, "error") + ", " + count(findings, Severity.WARNING, "warning")
				+ ", " + count(findings, Severity.INFO, "info");
	}

	private static String count(List<Finding> findings, Severity severity, String noun) {
		long n = findings.stream().filter(f -> f.severity() == severity).count();
		return n + " " + noun + (n == 1 || noun.equals("info") ? "" : "s");
	}
}
