package dev.carveout.dts.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The differential test: every arm64 board of linux-source-6.12, read from its original sources by the
 * engine and finished as dtc -@ finishes it, must give exactly dtc's DTB. It prints every board's verdict
 * with its first differences (more go to the report file) and fails when fewer boards match than the
 * committed baseline. A second round reads cpp's output of each board instead: it measures the tree
 * building and dtc's passes apart from the preprocessor, and has its own baseline.
 */
class Conformance {

	private static final int SHOWN_ON_CONSOLE = 3;
	private static final int SHOWN_IN_REPORT = 40;

	@Test
	void boardsMatchDtc() throws Exception {
		Corpus corpus = Corpus.locate();
		List<Corpus.Board> boards = corpus.boards();
		Path baselineFile = Path.of(System.getProperty("carveout.corpus.baseline"));
		StringBuilder report = new StringBuilder();

		long start = System.nanoTime();
		List<BoardRun> runs = runAll(corpus, boards, false);
		long matching = runs.stream().filter(BoardRun::matches).count();
		String causes = causes(runs);
		long macroFree = runs.stream().filter(r -> !r.needsMacros()).count();
		long macroFreeMatching = runs.stream().filter(r -> !r.needsMacros() && r.matches()).count();
		int baseline = Baseline.read(baselineFile, "original");
		String summary = String.format("conformance: original sources: %d of %d boards match dtc (baseline %d);"
				+ " boards that need no macros: %d of %d match; corpus of %s; %d s%n", matching, runs.size(), baseline,
				macroFreeMatching, macroFree, corpus.version(), (System.nanoTime() - start) / 1_000_000_000L) + causes;
		print("original sources", runs, summary, report);

		start = System.nanoTime();
		List<BoardRun> preprocessedRuns = runAll(corpus, boards, true);
		long preprocessedMatching = preprocessedRuns.stream().filter(BoardRun::matches).count();
		int preprocessedBaseline = Baseline.read(baselineFile, "preprocessed");
		String preprocessedSummary = String.format("conformance: cpp's output: %d of %d boards match dtc (baseline %d);"
				+ " %d s%n", preprocessedMatching, preprocessedRuns.size(), preprocessedBaseline,
				(System.nanoTime() - start) / 1_000_000_000L) + causes(preprocessedRuns);
		print("cpp's output (engine without preprocessor)", preprocessedRuns, preprocessedSummary, report);

		System.out.print(summary + preprocessedSummary);
		writeReport(report.append(summary).append(preprocessedSummary).toString());
		assertTrue(matching >= baseline && preprocessedMatching >= preprocessedBaseline, "only " + matching
				+ " boards (original sources) and " + preprocessedMatching + " (cpp's output) match dtc, the baselines are "
				+ baseline + " and " + preprocessedBaseline + "; see the differences above or in the report");
		if (matching > baseline || preprocessedMatching > preprocessedBaseline) {
			System.out.println("conformance: more boards match now; raise tests/corpus/conformance-baseline.txt to original "
					+ matching + ", preprocessed " + preprocessedMatching);
		}
	}

	/**
	 * Where to look next: the differing boards counted by the kind of their most causal difference, and the
	 * engine's most frequent error messages (numbers and names blurred) with the number of boards having them.
	 */
	private static String causes(List<BoardRun> runs) {
		Map<String, Long> byCause = new TreeMap<>(runs.stream().filter(r -> !r.matches())
				.collect(Collectors.groupingBy(r -> r.failure() != null ? "FAILURE" : r.firstCause().name(),
						Collectors.counting())));
		if (byCause.isEmpty()) {
			return "";
		}
		Map<String, Long> messages = runs.stream().flatMap(r -> r.errors().stream().map(f -> blur(f.message())).distinct())
				.collect(Collectors.groupingBy(m -> m, Collectors.counting()));
		StringBuilder text = new StringBuilder("  differing boards by first cause: ").append(byCause).append('\n');
		messages.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
				.forEach(e -> text.append("  engine error on ").append(e.getValue()).append(" boards: ").append(e.getKey())
						.append('\n'));
		return text.toString();
	}

	private static String blur(String message) {
		return message.replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("'[^']*'", "'…'").replaceAll("\\d+", "N")
				.replaceAll(" at .*", "");
	}

	private static void print(String round, List<BoardRun> runs, String summary, StringBuilder report) {
		StringBuilder console = new StringBuilder("conformance: ").append(round).append('\n');
		report.append("== ").append(round).append('\n');
		for (BoardRun run : runs) {
			console.append(run.report(SHOWN_ON_CONSOLE));
			report.append(run.report(SHOWN_IN_REPORT));
		}
		System.out.print(console.append(summary));
		report.append(summary);
	}

	/** Boards on every core; each task reads its own board, so the tasks share nothing. */
	private static List<BoardRun> runAll(Corpus corpus, List<Corpus.Board> boards, boolean preprocessed)
			throws InterruptedException, ExecutionException {
		return onEveryCore(boards, board -> BoardRun.of(corpus, board, preprocessed));
	}

	/** One task per item on every core, results in the items' order. */
	static <T, R> List<R> onEveryCore(List<T> items, java.util.function.Function<T, R> task)
			throws InterruptedException, ExecutionException {
		ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
		try {
			List<Future<R>> futures = new ArrayList<>();
			for (T item : items) {
				futures.add(pool.submit(() -> task.apply(item)));
			}
			List<R> results = new ArrayList<>();
			for (Future<R> future : futures) {
				results.add(future.get());
			}
			return results;
		} finally {
			pool.shutdownNow();
		}
	}

	/** A file next to the one a system property names (the baselines, the reports). */
	static Path besides(String property, String fileName) {
		return Path.of(System.getProperty(property)).resolveSibling(fileName);
	}

	private static void writeReport(String text) throws IOException {
		writeReport(System.getProperty("carveout.corpus.report"), text);
	}

	static void writeReport(String file, String text) throws IOException {
		if (file != null) {
			Path path = Path.of(file);
			Files.createDirectories(path.getParent());
			Files.writeString(path, text);
			System.out.println("conformance: full report in " + path);
		}
	}
}
