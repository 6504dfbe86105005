package dev.carveout.cli;

import java.util.List;

import dev.carveout.memmap.Finding;
import dev.carveout.memmap.Severity;
import dev.carveout.memmap.compare.MapDifference;

/**
 * What changed on one board between the two sides of a diff: its memory map's differences and the findings that
 * appeared on the head side or went away from the base side, places in the repository.
 *
 * @param parts       the board's files, base first (a composite's overlays after it), on the head side unless removed
 * @param baseLabel   how reports name the base side ("1a2b3c4", a board file under --boards)
 * @param differences null when a side's memory map could not be built (the board cannot be read there)
 * @param failed      Carveout failed on a side (an internal finding among the new ones)
 */
record BoardDiff(String name, List<String> parts, Change change, String baseLabel, String headLabel, List<MapDifference> differences,
		List<Finding> appeared, List<Finding> gone, boolean failed) {

	/** The board on both sides, only on the head side, only on the base side. */
	enum Change {
		CHANGED, ADDED, REMOVED;
	}

	boolean unchanged() {
		return differences != null && differences.isEmpty() && appeared.isEmpty() && gone.isEmpty();
	}

	/** The exit status the board asks for: new errors 2, new warnings under --werror 1, Carveout failed 4. */
	int status(boolean werror) {
		if (failed) {
			return CheckCommand.INTERNAL;
		}
		if (appeared.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
			return CheckCommand.ERRORS;
		}
		return werror && appeared.stream().anyMatch(f -> f.severity() == Severity.WARNING) ? CheckCommand.WARNINGS : CheckCommand.OK;
	}
}
