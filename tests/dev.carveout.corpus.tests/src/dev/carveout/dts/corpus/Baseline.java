package dev.carveout.dts.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The committed number of boards known to match dtc (tests/corpus/conformance-baseline.txt): the count may
 * only go up. Lines starting with '#' are comments; the first other line holds the number.
 */
final class Baseline {

	private Baseline() {
	}

	static int read(Path file) throws IOException {
		for (String line : Files.readAllLines(file)) {
			String text = line.strip();
			if (!text.isEmpty() && !text.startsWith("#")) {
				return Integer.parseInt(text.split("\\s+")[0]);
			}
		}
		throw new IOException(file + " holds no number");
	}
}
