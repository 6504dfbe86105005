package dev.carveout.dts.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A committed list of the corpus entries known to match dtc (or fdtoverlay), one name a line, sorted, '#'
 * lines are comments: every listed entry must still be in the corpus and still match. An entry that matches
 * and is not listed is progress, to be added.
 */
record MatchBaseline(Path file, Set<String> names) {

	/** Read as the board baseline is: sorted, no repeats, refused at the offending line otherwise. */
	static MatchBaseline read(Path file) throws IOException {
		return new MatchBaseline(file, Baseline.read(file));
	}

	/** The listed entries that are missing from {@code present} or do not match any more, with the reason. */
	List<String> regressions(Collection<String> present, Collection<String> matching) {
		List<String> lost = new ArrayList<>();
		for (String name : names) {
			if (!present.contains(name)) {
				lost.add(name + " (no longer in the corpus)");
			} else if (!matching.contains(name)) {
				lost.add(name + " (no longer matches)");
			}
		}
		return lost;
	}

	/** The matching entries not listed yet. */
	List<String> progress(Collection<String> matching) {
		return matching.stream().filter(name -> !names.contains(name)).sorted().toList();
	}
}
