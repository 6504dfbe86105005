package dev.carveout.dts.corpus;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Every overlay (.dtso) of the arm64 tree compiled alone, as kbuild's cmd_dtc with -@ compiles it: the engine's
 * tree, with its fragments, /__symbols__, /__fixups__ and /__local_fixups__, must equal dtc's DTBO in every node
 * and property value. tests/corpus/overlays-baseline.txt lists the overlays known to match.
 */
class OverlayConformance {

	@Test
	void overlaysMatchDtc() throws Exception {
		Corpus corpus = Corpus.locate();
		List<Corpus.Board> overlays = corpus.overlays();
		assertFalse(overlays.isEmpty(), "the corpus lists no overlays in overlays.txt");
		assertBaselineHolds("overlays", "dtc -@", Conformance.onEveryCore(overlays, o -> BoardRun.of(corpus, o, false)));
	}

	/**
	 * Prints every verdict, writes the report next to the conformance report, and fails when an entry of the
	 * baseline ({@code what}-baseline.txt next to the conformance baseline) no longer matches or is gone.
	 */
	static void assertBaselineHolds(String what, String reference, List<BoardRun> runs) throws Exception {
		Set<String> matching = runs.stream().filter(BoardRun::matches).map(r -> r.board().name())
				.collect(Collectors.toSet());
		MatchBaseline baseline = MatchBaseline.read(Conformance.besides("carveout.corpus.baseline", what + "-baseline.txt"));
		StringBuilder report = new StringBuilder();
		runs.forEach(run -> report.append(run.report(40)));
		String summary = String.format("%s: %d of %d match %s (baseline lists %d)%n", what, matching.size(), runs.size(),
				reference, baseline.names().size());
		report.append(summary);
		runs.forEach(run -> System.out.print(run.report(3)));
		System.out.print(summary);
		Conformance.writeReport(Conformance.besides("carveout.corpus.report", what + "-report.txt").toString(),
				report.toString());
		List<String> progress = baseline.progress(matching);
		if (!progress.isEmpty()) {
			System.out.println(what + ": more match now; add to " + baseline.file() + ": " + progress);
		}
		List<String> lost = baseline.regressions(runs.stream().map(r -> r.board().name()).toList(), matching);
		assertTrue(lost.isEmpty(), what + " of the baseline that no longer match " + reference + ": " + lost);
	}
}
