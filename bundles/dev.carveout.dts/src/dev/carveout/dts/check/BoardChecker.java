package dev.carveout.dts.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.xtext.util.CancelIndicator;

import dev.carveout.dts.cpp.PreprocessedUnit;
import dev.carveout.dts.limits.InputLimit;
import dev.carveout.dts.tree.DtTree;
import dev.carveout.dts.tree.OverlayApplication;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.MemoryMap;
import dev.carveout.memmap.Severity;
import dev.carveout.memmap.SourceRef;

/**
 * Checks one board: reads it and everything it includes (unsaved editor contents first), builds its
 * effective tree and memory map, and runs the rules. The editor, the builder, the CLI and the language
 * server all call this, so a board gets the same findings everywhere.
 */
public final class BoardChecker {

	public static final String RULE_SYNTAX = "syntax";
	public static final String RULE_INPUT = InputLimit.RULE_ID;

	private final CheckSettings settings;

	public BoardChecker(CheckSettings settings) {
		this.settings = settings;
	}

	public CheckSettings settings() {
		return settings;
	}

	public CheckResult check(Path board, SourceOverlay overlay) {
		return check(List.of(board), overlay, CancelIndicator.NullImpl);
	}

	/**
	 * {@link #check(Path, SourceOverlay)} that stops when {@code cancel} says so (the next keystroke, a newer
	 * change of the document) by throwing Xtext's OperationCanceledError, so a superseded check writes nothing.
	 */
	public CheckResult check(Path board, SourceOverlay overlay, CancelIndicator cancel) {
		return check(List.of(board), overlay, cancel);
	}

	/**
	 * Checks a composite board, as kbuild builds "name-dtbs := base.dtb a.dtbo b.dtbo": the base with the
	 * overlays applied in order. One part is a plain board (or an overlay checked alone).
	 */
	public CheckResult check(List<Path> parts, SourceOverlay overlay) {
		return check(parts, overlay, CancelIndicator.NullImpl);
	}

	/** {@link #check(List, SourceOverlay)}, cancelled as {@link #check(Path, SourceOverlay, CancelIndicator)} is. */
	public CheckResult check(List<Path> parts, SourceOverlay overlay, CancelIndicator cancel) {
		Path file = parts.get(0).toAbsolutePath().normalize();
		List<Finding> findings = new ArrayList<>();
		Set<Path> files = new LinkedHashSet<>();
		files.add(file);
		TranslationUnit unit = parts.size() == 1 ? new SourceSet(overlay, settings.includeDirs(), findings, cancel).load(file)
				: effectiveTree(parts, overlay, findings, cancel);
		MemoryMap map = null;
		DtTree tree = null;
		PreprocessedUnit preprocessed = null;
		if (unit != null) {
			tree = unit.tree();
			preprocessed = unit.preprocessed();
			files.addAll(unit.files());
			map = new MemoryMapExtractor(unit.tree(), findings::add).extract();
			findings.addAll(settings.rules().check(map, settings.profile()));
		}
		List<Path> normalized = parts.stream().map(p -> p.toAbsolutePath().normalize()).toList();
		return new CheckResult(file, List.copyOf(findings), Set.copyOf(files), map, tree, preprocessed, normalized);
	}

	/**
	 * The board's effective tree as dtc writes it, with /__symbols__ when {@code generateSymbols} (dtc -@),
	 * or null when the board cannot be read. Problems found on the way are added to {@code findings}; no
	 * memory-map rules run.
	 */
	public TranslationUnit effectiveTree(Path board, SourceOverlay overlay, boolean generateSymbols,
			List<Finding> findings) {
		return effectiveTree(board, overlay, generateSymbols, findings, CancelIndicator.NullImpl);
	}

	private TranslationUnit effectiveTree(Path board, SourceOverlay overlay, boolean generateSymbols,
			List<Finding> findings, CancelIndicator cancel) {
		SourceSet sources = new SourceSet(overlay, settings.includeDirs(), findings, cancel);
		return sources.load(board.toAbsolutePath().normalize(), generateSymbols);
	}

	/**
	 * A composite's tree: each part compiled on its own as dtc -@ compiles it (a pure function of the part's
	 * file and the settings), then the overlays applied to the base in order as fdtoverlay applies them. Null
	 * when the base cannot be read; an overlay that cannot be read is left out after its findings.
	 */
	public TranslationUnit effectiveTree(List<Path> parts, SourceOverlay overlay, List<Finding> findings) {
		return effectiveTree(parts, overlay, findings, CancelIndicator.NullImpl);
	}

	/** Each part is compiled with the same cancel signal, so a superseded composite check stops in any part. */
	private TranslationUnit effectiveTree(List<Path> parts, SourceOverlay overlay, List<Finding> findings,
			CancelIndicator cancel) {
		TranslationUnit base = effectiveTree(parts.get(0), overlay, true, findings, cancel);
		if (base == null) {
			return null;
		}
		DtTree tree = base.tree();
		Set<Path> files = new LinkedHashSet<>(base.files());
		for (Path part : parts.subList(1, parts.size())) {
			TranslationUnit applied = effectiveTree(part, overlay, true, findings, cancel);
			if (applied != null) {
				tree = OverlayApplication.apply(tree, applied.tree(), findings::add);
				files.addAll(applied.files());
			}
		}
		return new TranslationUnit(base.board(), tree, Set.copyOf(files), base.preprocessed());
	}

	static Finding inputProblem(Path file, String message) {
		return new Finding(RULE_INPUT, Severity.ERROR, message, new SourceRef(file, 1, 1, 0, 0), null);
	}
}
