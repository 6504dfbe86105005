package dev.carveout.dts.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckSettings;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.dts.check.TranslationUnit;
import dev.carveout.dts.fdt.DtbComparison;
import dev.carveout.dts.fdt.DtbComparison.Difference;
import dev.carveout.dts.fdt.Fdt;
import dev.carveout.dts.fdt.FdtReader;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.Severity;

/** One board through the engine, finished as dtc -@ finishes it, and compared with dtc's DTB. */
record BoardRun(Corpus.Board board, boolean needsMacros, List<Difference> differences, List<Finding> errors,
		String failure) {

	boolean matches() {
		return failure == null && differences.isEmpty();
	}

	/**
	 * {@code preprocessed}: read cpp's output instead of the original sources, which measures the engine
	 * without its preprocessor.
	 */
	static BoardRun of(Corpus corpus, Corpus.Board board, boolean preprocessed) {
		return run(board, findings -> checker(corpus, board.dts()).effectiveTree(
				preprocessed ? board.preprocessed() : board.dts(), SourceOverlay.NONE, true, findings));
	}

	/** A composite: its parts compiled alone and applied in order, compared with fdtoverlay's DTB. */
	static BoardRun of(Corpus corpus, Corpus.Composite composite) {
		Corpus.Board board = new Corpus.Board(composite.name(), composite.parts().get(0), null, composite.dtb());
		return run(board, findings -> checker(corpus, board.dts()).effectiveTree(composite.parts(), SourceOverlay.NONE,
				findings));
	}

	/** As kbuild: cpp and dtc search include-prefixes, dtc also the source's directory. */
	private static BoardChecker checker(Corpus corpus, Path source) {
		return new BoardChecker(CheckSettings.defaults()
				.withIncludeDirs(List.of(corpus.includePrefixes(), source.getParent())));
	}

	private static BoardRun run(Corpus.Board board, Function<List<Finding>, TranslationUnit> engine) {
		List<Finding> findings = new ArrayList<>();
		try {
			TranslationUnit unit = engine.apply(findings);
			List<Finding> errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
			if (unit == null) {
				return new BoardRun(board, true, List.of(), errors, "the engine could not read the board");
			}
			boolean needsMacros = MacroUse.needsMacros(unit.files());
			Fdt dtc = FdtReader.read(board.dtb());
			return new BoardRun(board, needsMacros, DtbComparison.compare(unit.tree(), dtc), errors, null);
		} catch (IOException | RuntimeException e) {
			return new BoardRun(board, true, List.of(), List.of(), e.getClass().getSimpleName() + ": " + e.getMessage());
		}
	}

	/** The kind of the difference most likely to cause the others, or null when the trees match. */
	DtbComparison.Kind firstCause() {
		return differences.stream().map(Difference::kind).min(Comparator.naturalOrder()).orElse(null);
	}

	/**
	 * "MATCH qcom/x" or "DIFFER qcom/x: 12 differences [NOT_COMPUTED 2, PHANDLE_VALUE 10], 3 engine errors",
	 * then the first {@code shown} differences, likely causes (values not computed, missing nodes) before
	 * their consequences (renumbered phandles), and the first engine errors.
	 */
	String report(int shown) {
		StringBuilder text = new StringBuilder();
		String macros = needsMacros ? " (needs macros)" : " (no macros)";
		if (failure != null) {
			text.append("FAIL   ").append(board.name()).append(macros).append(": ").append(failure).append('\n');
		} else if (differences.isEmpty()) {
			text.append("MATCH  ").append(board.name()).append(macros).append('\n');
		} else {
			Map<DtbComparison.Kind, Long> kinds = new TreeMap<>(
					differences.stream().collect(Collectors.groupingBy(Difference::kind, Collectors.counting())));
			text.append("DIFFER ").append(board.name()).append(macros).append(": ").append(differences.size())
					.append(" differences ").append(kinds).append(", ").append(errors.size()).append(" engine errors\n");
		}
		differences.stream().sorted(Comparator.comparing(Difference::kind)).limit(shown).forEach(d -> text.append("    ").append(d).append('\n'));
		errors.stream().limit(Math.max(1, shown / 3)).forEach(f -> text.append("    engine: ").append(f.message())
				.append(" at ").append(f.at()).append('\n'));
		return text.toString();
	}
}
