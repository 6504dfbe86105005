package dev.carveout.lsp;

import java.util.Arrays;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Offsets into a file's text as LSP positions (zero-based line, UTF-16 character: what Java strings count), for
 * files the client may not have open, where Xtext has no Document. The line starts are found once, so a file
 * with hundreds of findings (sc7280.dtsi is 180 KB) is not scanned again for each.
 */
final class TextPositions {

	private final int length;
	private final int[] lineStarts;

	TextPositions(String text) {
		length = text.length();
		int[] starts = new int[64];
		int lines = 1;
		for (int i = 0; i < length; i++) {
			if (text.charAt(i) == '\n') {
				if (lines == starts.length) {
					starts = Arrays.copyOf(starts, lines * 2);
				}
				starts[lines++] = i + 1;
			}
		}
		lineStarts = Arrays.copyOf(starts, lines);
	}

	Position position(int offset) {
		int clamped = Math.max(0, Math.min(offset, length));
		int found = Arrays.binarySearch(lineStarts, clamped);
		// Not a line start: binarySearch gives -(insertion point) - 1, and the line is the one before that point.
		int line = found >= 0 ? found : -found - 2;
		return new Position(line, clamped - lineStarts[line]);
	}

	Range range(int offset, int length) {
		return new Range(position(offset), position(offset + length));
	}
}
