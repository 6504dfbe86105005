package dev.carveout.memmap;

import java.nio.file.Path;

/**
 * A place in an original source file (a board, a .dtsi or a header), never in a preprocessed buffer.
 * Lines and columns are 1-based; offset and length are in characters of that file.
 */
public record SourceRef(Path file, int line, int column, int offset, int length) {

	public static final SourceRef UNKNOWN = new SourceRef(null, 0, 0, 0, 0);

	public boolean isKnown() {
		return file != null && line > 0;
	}

	@Override
	public String toString() {
		return isKnown() ? file + ":" + line + "." + column : "<unknown>";
	}
}
