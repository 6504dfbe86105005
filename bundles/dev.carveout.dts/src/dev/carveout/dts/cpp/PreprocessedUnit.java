package dev.carveout.dts.cpp;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of preprocessing one board: the text dtc would read, where each of its characters came from, the
 * problems found, and the files read (main file first, then each included file once, in first-include order).
 */
public record PreprocessedUnit(String text, OriginMap origins, List<CppDiagnostic> diagnostics, List<Path> files) {
}
