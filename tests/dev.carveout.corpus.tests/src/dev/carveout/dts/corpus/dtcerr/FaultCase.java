package dev.carveout.dts.corpus.dtcerr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One generated case: a base board with a fault appended, written to its own folder as board.dts. */
record FaultCase(int index, FaultKind kind, BaseBoard base, Snippet snippet) {

	String name() {
		return "case " + index + " " + kind + " / " + snippet.variant() + " on " + base.name();
	}

	/** The base's header line, which a snippet may replace. */
	private static final Pattern VERSION_LINE = Pattern.compile("(?m)^[ \t]*/dts-v1/;[ \t]*$");

	/** The board's text: the base (its header replaced when the snippet says so), then the snippet. */
	String boardText() {
		String text = base.text().endsWith("\n") ? base.text() : base.text() + "\n";
		if (snippet.header() != null) {
			text = VERSION_LINE.matcher(text).replaceFirst(Matcher.quoteReplacement(snippet.header()));
		}
		return text + String.join("\n", snippet.lines()) + "\n";
	}

	/** Writes board.dts and every file it names into {@code dir}. */
	void writeTo(Path dir) throws IOException {
		Files.createDirectories(dir);
		Files.writeString(dir.resolve("board.dts"), boardText());
		for (Map.Entry<String, String> file : base.files().entrySet()) {
			Files.writeString(dir.resolve(file.getKey()), file.getValue());
		}
		for (Map.Entry<String, byte[]> file : snippet.files().entrySet()) {
			Files.write(dir.resolve(file.getKey()), file.getValue());
		}
	}

	/** Where the fault is (for dtc's errors that name no place), or null when the variant has no marked fault. */
	Place faultPlace(Path dir) {
		if (snippet.faultLine() < 0) {
			return null;
		}
		if (snippet.faultFile() != null) {
			return Place.of(dir.resolve(snippet.faultFile()), snippet.faultLine() + 1);
		}
		return Place.of(dir.resolve("board.dts"), base.lineCount() + snippet.faultLine() + 1);
	}
}
