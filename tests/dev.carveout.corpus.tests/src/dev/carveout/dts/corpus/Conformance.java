package dev.carveout.dts.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The differential test: every arm64 board of linux-source-6.12, read from its original sources by the
 * engine and finished as dtc -@ finishes it, must give exactly dtc's DTB. It prints every board's verdict
 * with its first differences (more go to the report file) and fails when a board of the committed baseline
 * differs or is missing from the corpus. A second round reads cpp's output of each board instead: it measures
 * the tree building and dtc's passes apart from the preprocessor; a listed board must match in both.
 */
class Conformance {

	private static final int SHOWN_ON_CONSOLE = 3;
	private static final int SHOWN_IN_REPORT = 40;
	private static final String HEADER = """
			Boards of linux-source-6.12 (arm64) whose effective tree matches dtc's DTB exactly in both rounds of
			tests/dev.carveout.corpus.tests (Conformance): the board's own sources, and cpp's output of them.
			One board per line (its path under arch/arm64/boot/dts, without .dts), sorted. The test fails when a
			board listed here is not in the corpus or differs from dtc; add the boards it says match now.""";

	@Test
	void boardsMatchDtc() throws Exception {
		Corpus corpus = Corpus.locate();
		List<Corpus.Board> boards = corpus.boards();
		Path baselineFile = Path.of(System.getProperty("carveout.corpus.baseline"));
		SortedSet<String> baseline = Baseline.read(baselineFile);
		StringBuilder report = new StringBuilder();

		long start = System.nanoTime();
		List<BoardRun> runs = runAll(corpus, boards, false);
		long macroFree = runs.stream().filter(r -> !r.needsMacros()).count();
		long macroFreeMatching = runs.stream().filter(r -> !r.needsMacros() && r.matches()).count();
		String summary = String.format("conformance: original sources: %d of %d boards match dtc (%d listed in the"
				+ " baseline); boards that need no macros: %d of %d match; corpus of %s; %d s%n", matching(runs).size(),
				runs.size(), baseline.size(), macroFreeMatching, macroFree, corpus.version(),
				(System.nanoTime() - start) / 1_000_000_000L) + causes(runs);
		print("original sources", runs, summary, report);

		start = System.nanoTime();
		List<BoardRun> preprocessedRuns = runAll(corpus, boards, true);
		String preprocessedSummary = String.format("conformance: cpp's output: %d of %d boards match dtc; %d s%n",
				matching(preprocessedRuns).size(), preprocessedRuns.size(), (System.nanoTime() - start) / 1_000_000_000L)
				+ causes(preprocessedRuns);
		print("cpp's output (engine without preprocessor)", preprocessedRuns, preprocessedSummary, report);

		SortedSet<String> matchingBoth = matching(runs);
		matchingBoth.retainAll(matching(preprocessedRuns));
		SortedSet<String> lost = new TreeSet<>(baseline);
		lost.removeAll(boards.stream().map(Corpus.Board::name).toList());
		SortedSet<String> regressedOriginal = regressed(baseline, runs);
		SortedSet<String> regressedPreprocessed = regressed(baseline, preprocessedRuns);
		SortedSet<String> gained = new TreeSet<>(matchingBoth);
		gained.removeAll(baseline);
		String verdict = String.format("conformance: %d boards in the corpus, %d listed in %s; lost from the run: %s;"
				+ " listed but differing now, original sources: %s, cpp's output: %s%n", boards.size(), baseline.size(),
				baselineFile.getFileName(), lost, regressedOriginal, regressedPreprocessed);

		System.out.print(summary + preprocessedSummary + verdict);
		writeReport(report.append(summary).append(preprocessedSummary).append(verdict).toString(), matchingBoth);
		assertTrue(lost.isEmpty() && regressedOriginal.isEmpty() && regressedPreprocessed.isEmpty(), verdict
				+ "see the differences above or in the report");
		if (!gained.isEmpty()) {
			System.out.println("conformance: more boards match now; add them to tests/corpus/conformance-baseline.txt"
					+ " (target/conformance-matching.txt is the new list): " + gained);
		}
	}

	private static SortedSet<String> matching(List<BoardRun> runs) {
		return runs.stream().filter(BoardRun::matches).map(r -> r.board().name())
				.collect(Collectors.toCollection(TreeSet::new));
	}

	/** Boards of the baseline that the run read and that differ from dtc now. */
	private static SortedSet<String> regressed(SortedSet<String> baseline, List<BoardRun> runs) {
		return runs.stream().filter(r -> !r.matches() && baseline.contains(r.board().name())).map(r -> r.board().name())
				.collect(Collectors.toCollection(TreeSet::new));
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

	/** The report, and next to it the boards matching in both rounds in the baseline's format. */
	private static void writeReport(String text, SortedSet<String> matching) throws IOException {
		Path path = writeReport(System.getProperty("carveout.corpus.report"), text);
		if (path != null) {
			Baseline.write(path.resolveSibling("conformance-matching.txt"), HEADER, matching);
		}
	}

	/** Writes a report where {@code file} says (nowhere when it is null) and returns its path. */
	static Path writeReport(String file, String text) throws IOException {
		if (file == null) {
			return null;
		}
		Path path = Path.of(file);
		Files.createDirectories(path.getParent());
		Files.writeString(path, text);
		System.out.println("conformance: full report in " + path);
		return path;
	}
}
