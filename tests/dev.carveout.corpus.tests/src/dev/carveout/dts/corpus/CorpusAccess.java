package dev.carveout.dts.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The prepared corpus for the fuzzer's package: located (and prepared, or failed) as the conformance test does. */
public final class CorpusAccess {

	private CorpusAccess() {
	}

	/** Every board's original source. */
	public static List<Path> boardFiles() throws IOException {
		return Corpus.locate().boards().stream().map(Corpus.Board::dts).toList();
	}

	/** What kbuild gives cpp and dtc with -I (the board's own folder is added per board). */
	public static List<Path> includeDirs() {
		return List.of(Corpus.locate().includePrefixes());
	}
}
