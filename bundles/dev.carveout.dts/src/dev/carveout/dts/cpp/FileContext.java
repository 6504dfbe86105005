package dev.carveout.dts.cpp;

import java.nio.file.Path;

/** One inclusion of a file in a run: the file's tokens plus where it was included from. */
final class FileContext {

	final Path path;
	final LexedFile lexed;
	/** The '#' of the #include that pulled this file in; null for the main file. */
	final Origin includedFrom;

	FileContext(Path path, LexedFile lexed, Origin includedFrom) {
		this.path = path;
		this.lexed = lexed;
		this.includedFrom = includedFrom;
	}

	/** The origin of an offset in the file's spliced text. */
	Origin origin(int logicalOffset, String macro) {
		int offset = lexed.physicalOffset(Math.max(0, Math.min(logicalOffset, lexed.text.length())));
		return new Origin(path, offset, lexed.lineOf(offset), lexed.columnOf(offset), includedFrom, macro);
	}
}
