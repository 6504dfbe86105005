package dev.carveout.lsp;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Offsets into a file's text as LSP positions (zero-based line, UTF-16 character: what Java strings count), for
 * files the client may not have open, where Xtext has no Document.
 */
final class TextPositions {

	private final String text;

	TextPositions(String text) {
		this.text = text;
	}

	Position position(int offset) {
		int clamped = Math.max(0, Math.min(offset, text.length()));
		int line = 0;
		int lineStart = 0;
		for (int i = 0; i < clamped; i++) {
			if (text.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		return new Position(line, clamped - lineStart);
	}

	Range range(int offset, int length) {
		return new Range(position(offset), position(offset + length));
	}
}
