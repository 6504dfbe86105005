package dev.carveout.dts.check;

import java.nio.file.Path;
import java.util.Set;

import dev.carveout.dts.tree.DtTree;

/** A board with everything it includes, read into one effective tree. */
public record TranslationUnit(Path board, DtTree tree, Set<Path> files) {
}
