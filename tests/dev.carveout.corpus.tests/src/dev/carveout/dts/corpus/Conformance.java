package dev.carveout.dts.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * The differential test: every arm64 board of linux-source-6.12, read from its original sources by the
 * engine and finished as dtc -@ finishes it, must give exactly dtc's DTB. It prints every board's verdict
 * with its first differences (all of them go to the report file) and fails when fewer boards match than
 * the committed baseline.
 */
class Conformance {

	private static final int SHOWN_ON_CONSOLE = 3;
	private static final int SHOWN_IN_REPORT = 40;

	@Test
	void boardsMatchDtc() throws Exception {
		Corpus corpus = Corpus.locate();
		List<Corpus.Board> boards = corpus.boards();
		long start = System.nanoTime();
		List<BoardRun> runs = runAll(corpus, boards);
		long seconds = (System.nanoTime() - start) / 1_000_000_000L;

		StringBuilder console = new StringBuilder();
		StringBuilder report = new StringBuilder();
		for (BoardRun run : runs) {
			console.append(run.report(SHOWN_ON_CONSOLE));
			report.append(run.report(SHOWN_IN_REPORT));
		}
		long matching = runs.stream().filter(BoardRun::matches).count();
		long macroFree = runs.stream().filter(r -> !r.needsMacros()).count();
		long macroFreeMatching = runs.stream().filter(r -> !r.needsMacros() && r.matches()).count();
		int baseline = Baseline.read(Path.of(System.getProperty("carveout.corpus.baseline")));
		String summary = String.format("conformance: %d of %d boards match dtc (baseline %d); boards that need no"
				+ " macros: %d of %d match; linux-source %s; %d s%n", matching, runs.size(), baseline, macroFreeMatching,
				macroFree, corpus.version(), seconds);
		console.append(summary);
		report.append(summary);
		System.out.print(console);
		writeReport(report.toString());

		assertTrue(matching >= baseline, "only " + matching + " boards match dtc, the baseline is " + baseline
				+ "; see the differences above or in the report");
		if (matching > baseline) {
			System.out.println("conformance: " + matching + " boards match now; raise tests/corpus/conformance-baseline.txt to "
					+ matching);
		}
	}

	/** Boards on every core; each task reads its own board, so the tasks share nothing. */
	private static List<BoardRun> runAll(Corpus corpus, List<Corpus.Board> boards)
			throws InterruptedException, ExecutionException {
		ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
		try {
			List<Future<BoardRun>> futures = new ArrayList<>();
			for (Corpus.Board board : boards) {
				futures.add(pool.submit(() -> BoardRun.of(corpus, board)));
			}
			List<BoardRun> runs = new ArrayList<>();
			for (Future<BoardRun> future : futures) {
				runs.add(future.get());
			}
			return runs;
		} finally {
			pool.shutdownNow();
		}
	}

	private static void writeReport(String text) throws IOException {
		String file = System.getProperty("carveout.corpus.report");
		if (file != null) {
			Path path = Path.of(file);
			Files.createDirectories(path.getParent());
			Files.writeString(path, text);
			System.out.println("conformance: full report in " + path);
		}
	}
}
