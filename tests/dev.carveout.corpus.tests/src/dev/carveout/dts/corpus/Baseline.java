package dev.carveout.dts.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A committed list of boards by name (tests/corpus/conformance-baseline.txt): one board per line, sorted,
 * no repeats; lines starting with '#' are comments. Names, not counts, so that one board's regression cannot
 * hide behind another's fix and a board lost from the run is named.
 */
final class Baseline {

	private Baseline() {
	}

	/** The names in the file; a file out of order or with a repeated name is refused at its line. */
	static SortedSet<String> read(Path file) throws IOException {
		SortedSet<String> boards = new TreeSet<>();
		String previous = null;
		int number = 0;
		for (String line : Files.readAllLines(file)) {
			number++;
			String name = line.strip();
			if (name.isEmpty() || name.startsWith("#")) {
				continue;
			}
			if (previous != null && name.compareTo(previous) <= 0) {
				throw new IOException(file + ":" + number + ": \"" + name + "\" is " + (name.equals(previous) ? "repeated"
						: "out of order (after \"" + previous + "\")") + "; the list is one board per line, sorted");
			}
			boards.add(name);
			previous = name;
		}
		return boards;
	}

	/** The same format, for a list to compare with or copy over the committed one. */
	static void write(Path file, String header, Collection<String> boards) throws IOException {
		List<String> lines = new ArrayList<>();
		header.lines().forEach(line -> lines.add("# " + line));
		lines.addAll(new TreeSet<>(boards));
		Files.createDirectories(file.getParent());
		Files.write(file, lines);
	}
}
