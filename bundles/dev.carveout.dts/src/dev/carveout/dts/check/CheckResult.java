package dev.carveout.dts.check;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.carveout.dts.cpp.PreprocessedUnit;
import dev.carveout.dts.tree.DtTree;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.MemoryMap;

/**
 * What checking one board found: every finding (located in the file that caused it), the files the board
 * was read from, the memory map built from its effective tree, the tree itself (null when the board could
 * not be read), which the editors navigate labels and paths with, and cpp's output (null when the board could not
 * be read), which knows where macros were defined and what they expanded to, and the parts of a composite board.
 */
public record CheckResult(Path board, List<Finding> findings, Set<Path> files, MemoryMap memoryMap, DtTree tree,
		PreprocessedUnit preprocessed, List<Path> parts) {

	public CheckResult(Path board, List<Finding> findings, Set<Path> files, MemoryMap memoryMap) {
		this(board, findings, files, memoryMap, null, null);
	}

	/** A plain board: its one part is the board. */
	public CheckResult(Path board, List<Finding> findings, Set<Path> files, MemoryMap memoryMap, DtTree tree,
			PreprocessedUnit preprocessed) {
		this(board, findings, files, memoryMap, tree, preprocessed, List.of(board));
	}

	/** Whether this is a composite board: a base with overlays applied ({@link #parts()} in order, base first). */
	public boolean isComposite() {
		return parts.size() > 1;
	}

	/** The same result with findings from another source (a boot log, a board probe) added. */
	public CheckResult withMoreFindings(List<Finding> more) {
		List<Finding> all = new java.util.ArrayList<>(findings);
		all.addAll(more);
		return new CheckResult(board, List.copyOf(all), files, memoryMap, tree, preprocessed, parts);
	}
}
