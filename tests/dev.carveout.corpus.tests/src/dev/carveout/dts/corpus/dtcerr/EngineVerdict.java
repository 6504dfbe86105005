package dev.carveout.dts.corpus.dtcerr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckSettings;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.dts.check.TranslationUnit;
import dev.carveout.dts.fdt.DtbComparison;
import dev.carveout.dts.fdt.FdtReader;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.Severity;

/**
 * The engine's reading of a case as the conformance test reads a board (BoardChecker's effective tree as dtc -@
 * makes it, with the include folders kbuild gives cpp and dtc); its verdict is whether it found an error, of any rule.
 */
final class EngineVerdict {

	private EngineVerdict() {
	}

	record Reading(Verdict verdict, TranslationUnit unit) {

		/** The differences between the engine's tree and dtc's DTB, as the conformance test compares them. */
		List<DtbComparison.Difference> differencesFrom(Path dtb) throws IOException {
			return unit == null ? List.of() : DtbComparison.compare(unit.tree(), FdtReader.read(dtb));
		}
	}

	static Reading read(Path dir, Path includePrefixes, Path ownFolder) {
		List<Path> includeDirs = new ArrayList<>(List.of(includePrefixes, dir));
		if (ownFolder != null) {
			includeDirs.add(ownFolder);
		}
		List<Finding> findings = new ArrayList<>();
		TranslationUnit unit = new BoardChecker(CheckSettings.defaults().withIncludeDirs(includeDirs))
				.effectiveTree(dir.resolve("board.dts"), SourceOverlay.NONE, true, findings);
		List<Finding> errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
		List<Place> places = errors.stream().filter(f -> f.at().isKnown())
				.map(f -> Place.of(f.at().file(), f.at().line())).toList();
		String detail = String.join(" | ", errors.stream().map(f -> f.at().file() == null ? f.message()
				: f.at().file().getFileName() + ":" + f.at().line() + " " + f.message()).toList());
		return new Reading(new Verdict(errors.isEmpty() && unit != null, places, detail), unit);
	}
}
