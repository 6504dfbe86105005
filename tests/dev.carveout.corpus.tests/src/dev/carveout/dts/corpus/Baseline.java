package dev.carveout.dts.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The committed numbers of boards known to match dtc (tests/corpus/conformance-baseline.txt): counts may only
 * go up. Lines starting with '#' are comments; the others are "name number".
 */
final class Baseline {

	private Baseline() {
	}

	static int read(Path file, String name) throws IOException {
		for (String line : Files.readAllLines(file)) {
			String[] words = line.strip().split("\\s+");
			if (words.length == 2 && words[0].equals(name)) {
				return Integer.parseInt(words[1]);
			}
		}
		throw new IOException(file + " has no line \"" + name + " <number>\"");
	}
}
