package dev.carveout.dts.check;

import java.nio.file.Path;
import java.util.Set;

import dev.carveout.dts.cpp.PreprocessedUnit;
import dev.carveout.dts.tree.DtTree;

/**
 * A board with everything it includes, read into one effective tree, and cpp's output it was parsed from (where
 * macros were defined and what each use of one became).
 */
public record TranslationUnit(Path board, DtTree tree, Set<Path> files, PreprocessedUnit preprocessed) {
}
