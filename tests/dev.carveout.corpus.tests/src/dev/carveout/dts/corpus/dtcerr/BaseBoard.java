package dev.carveout.dts.corpus.dtcerr;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A board a fault is injected into: a corpus board (its text, its own folder for its .dtsi files) or a small
 * hand-written one (with the files it includes), and the labels of nodes it defines, for faults that refer to them.
 */
record BaseBoard(String name, String text, Path ownFolder, Map<String, String> files, List<String> labels) {

	/** The i-th label, wrapping around. */
	String label(int i) {
		return labels.get(Math.floorMod(i, labels.size()));
	}

	int lineCount() {
		return (int) text.chars().filter(c -> c == '\n').count() + (text.endsWith("\n") ? 0 : 1);
	}
}
