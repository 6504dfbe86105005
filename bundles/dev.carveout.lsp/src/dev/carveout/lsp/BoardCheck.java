package dev.carveout.lsp;

import java.nio.file.Path;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.SourceOverlay;

/**
 * The engine's view of one document: the document's file and text, and the check of the board it belongs to
 * (the document itself, or the open board that includes it), with the checker and overlay that made it so quick
 * fixes re-check the same way.
 */
public record BoardCheck(Path file, String text, BoardChecker checker, CheckResult result, SourceOverlay overlay) {
}
