package dev.carveout.dts.cpp;

import java.nio.file.Path;

/**
 * Where a character of preprocessed output came from: a place in an original file. Line and column are 1-based,
 * offset is 0-based, all in characters of that file as read. {@code includedFrom} is the '#' of the #include
 * directive that pulled the file in (null for the main file). {@code macro} is non-null when the character was
 * produced by a macro expansion: it names the outermost macro, and the position is then the invocation's.
 */
public record Origin(Path file, int offset, int line, int column, Origin includedFrom, String macro) {

	@Override
	public String toString() {
		return file + ":" + line + ":" + column + (macro != null ? " (in expansion of " + macro + ")" : "");
	}
}
