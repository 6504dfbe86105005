package dev.carveout.dts.fix;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** Replace {@code length} characters at {@code offset} of {@code file} with {@code text}. */
public record TextEdit(Path file, int offset, int length, String text) {

	/** Applies edits of one file to its text, last first so earlier offsets stay valid. */
	public static String apply(String original, List<TextEdit> edits) {
		StringBuilder result = new StringBuilder(original);
		edits.stream().sorted(Comparator.comparingInt(TextEdit::offset).reversed())
				.forEach(e -> result.replace(e.offset(), e.offset() + e.length(), e.text()));
		return result.toString();
	}
}
