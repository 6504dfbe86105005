package dev.carveout.dts.cpp;

import java.nio.file.Path;

/**
 * A '#line NUMBER ["FILE"]' cpp read: from the line after it, cpp presumes {@code file}'s lines to be numbered from
 * {@code number} in {@code name} (null: the file keeps its name), and the line markers it writes for dtc say so.
 * {@code line} is the directive's own (last) line in {@code file}.
 */
public record LineDirective(Path file, int line, long number, String name) {
}
