package dev.carveout.dts.check;

import java.nio.file.Path;

/**
 * A stretch [start, end) of a part's preprocessed text made of whole top-level items, all from the file its
 * first item came from ({@code file}; null when the text has no origins). The text between two segments is
 * whitespace only, which the parser skips, so the segments parsed one by one give the items of the whole.
 */
record Segment(int start, int end, Path file) {

	String text(String whole) {
		return whole.substring(start, end);
	}
}
