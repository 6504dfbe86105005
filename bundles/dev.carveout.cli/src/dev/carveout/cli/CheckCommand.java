package dev.carveout.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.InternalFailure;
import dev.carveout.dts.check.SegmentCache;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.Severity;
import dev.carveout.memmap.bootlog.BootLogComparison;
import dev.carveout.memmap.bootlog.BootLogEvent;
import dev.carveout.memmap.bootlog.BootLogParser;
import dev.carveout.memmap.bootlog.BootLogPrediction;
import dev.carveout.memmap.compare.MapDifference;

/**
 * {@code carveout check [options] FILE...}: checks each board in one process and prints its findings in
 * dtc's style, its model and findings as JSON Lines, or all boards' findings and fixes as one SARIF log. See {@link CheckOptions#USAGE} for the exit status.
 * Whatever fails while one board is checked or reported becomes an {@link InternalFailure} finding on that board
 * and the run goes on: every input gets its result, and the exit status says Carveout failed.
 */
public final class CheckCommand {

	public static final int OK = 0;
	public static final int WARNINGS = 1;
	public static final int ERRORS = 2;
	public static final int USAGE = 3;
	public static final int INTERNAL = 4;

	/** How one board is checked: the engine's check. Tests put a fault in its way to see a failure contained. */
	@FunctionalInterface
	public interface BoardWork {
		CheckResult check(BoardChecker engine, List<Path> parts);
	}

	private static final BoardWork ENGINE = (engine, parts) -> engine.check(parts, SourceOverlay.NONE);

	private final PrintStream out;
	private final PrintStream err;
	private final Path srcRoot;
	private final BoardWork boardWork;

	public CheckCommand(PrintStream out, PrintStream err) {
		this(out, err, Path.of(""));
	}

	/** @param srcRoot what SARIF artifact URIs are relative to (SRCROOT): the current directory when run from the shell */
	public CheckCommand(PrintStream out, PrintStream err, Path srcRoot) {
		this(out, err, srcRoot, ENGINE);
	}

	/** With another way to check a board: only tests, which need a failure no real input causes any more. */
	public CheckCommand(PrintStream out, PrintStream err, Path srcRoot, BoardWork boardWork) {
		this.out = out;
		this.err = err;
		this.srcRoot = srcRoot;
		this.boardWork = boardWork;
	}

	public int run(List<String> args) {
		if (args.contains("--help") || args.contains("-h")) {
			out.println(CheckOptions.USAGE);
			return OK;
		}
		CheckOptions options;
		try {
			options = CheckOptions.parse(args);
		} catch (CheckOptions.UsageException e) {
			err.println("carveout check: " + e.getMessage());
			err.println(CheckOptions.USAGE);
			return USAGE;
		}
		for (Path dir : options.settings().includeDirs()) {
			String problem = Files.isRegularFile(dir) ? "include directory is a file: "
					: !Files.isDirectory(dir) ? "include directory not found: " : !Files.isReadable(dir) ? "include directory not readable: " : null;
			if (problem != null) {
				err.println("carveout check: " + problem + dir);
				return USAGE;
			}
		}
		List<BootLogEvent> bootLog = null;
		if (options.bootLog() != null) {
			try {
				bootLog = BootLogParser.parse(Files.readString(options.bootLog()));
			} catch (IOException e) {
				err.println("carveout check: cannot read boot log " + options.bootLog() + ": " + e.getMessage());
				return USAGE;
			}
		}
		DtbComparisonReport dtb = null;
		if (options.compareDtb() != null) {
			try {
				dtb = DtbComparisonReport.read(options.compareDtb(), options.settings().profile());
			} catch (IOException e) {
				err.println("carveout check: " + e.getMessage());
				return USAGE;
			}
		}
		BoardChecker checker = new BoardChecker(options.settings());
		int status = OK;
		long start = System.nanoTime();
		PeakHeap heap = options.stats() ? PeakHeap.start() : null;
		Progress progress = new Progress(err, options.allBoards() && System.console() != null, options.boards().size());
		SarifReport sarif = options.format().equals("sarif") ? new SarifReport(srcRoot, checker) : null;
		Reporter reporter = new Reporter(options, sarif, bootLog, dtb);
		// Everything per board runs on the pool, the report's rendering and SARIF's fixes too (each fix re-checks
		// the board): only the rendered text comes back, so a board's tree is dropped where it was built.
		int failed = 0;
		try (BoardQueue<BoardReport> queue = new BoardQueue<>(options.boards(), board -> reporter.report(board, boardWork.check(checker, board.parts())),
				reporter::failed)) {
			for (BoardArgument board : options.boards()) {
				progress.next(board.file());
				String problem = board.problem();
				if (problem != null) {
					err.println("carveout check: " + problem);
					if (sarif != null) {
						sarif.inputProblem(problem);
					}
					status = Math.max(status, USAGE);
					queue.skip();
					continue;
				}
				BoardReport report = queue.next();
				report.out().forEach(out::println);
				report.err().forEach(err::println);
				if (sarif != null && report.sarifResults() != null) {
					sarif.add(report.sarifResults());
				}
				if (report.failed()) {
					failed++;
					if (sarif != null) {
						sarif.internalFailure(board.file());
					}
				}
				status = Math.max(status, report.status());
			}
		}
		progress.done();
		if (sarif != null && !options.predictBootLog()) {
			out.println(sarif.toJson());
		}
		if (failed > 0) {
			err.println("carveout check: Carveout failed on " + failed + (failed == 1 ? " board" : " boards"));
		}
		if (heap != null) {
			// segments parsed: what the shared parse cache did not have (the rest came from it)
			err.printf("carveout check: %d boards in %.2f s, peak heap %d MiB, %d segments parsed%n",
					options.boards().size(), (System.nanoTime() - start) / 1e9, heap.stop() >>> 20,
					SegmentCache.SHARED.parses());
		}
		return status;
	}

	/**
	 * One board's part of the report, rendered: lines for stdout and stderr, its SARIF results (null unless the
	 * format is SARIF), its exit status, and whether Carveout failed on it.
	 */
	record BoardReport(List<String> out, List<String> err, JsonArray sarifResults, int status, boolean failed) {
	}

	/** Renders one board's result in the run's format; {@link #failed} renders a failure the same way. */
	private record Reporter(CheckOptions options, SarifReport sarif, List<BootLogEvent> bootLog, DtbComparisonReport dtb) {

		BoardReport report(BoardArgument board, CheckResult checked) {
			CheckResult result = checked;
			if (bootLog != null && result.memoryMap() != null) {
				result = result.withMoreFindings(BootLogComparison.compare(result.memoryMap(), options.settings().profile(), bootLog));
			}
			if (options.predictBootLog()) {
				List<String> lines = result.memoryMap() == null ? List.of()
						: BootLogPrediction.lines(result.memoryMap(), options.settings().profile());
				return new BoardReport(lines, List.of(), null, OK, false);
			}
			List<MapDifference> differences = null;
			if (dtb != null && result.memoryMap() != null) {
				differences = dtb.differences(result.memoryMap());
				result = result.withMoreFindings(dtb.findings(board.file(), differences));
			}
			return rendered(board, result, differences, false);
		}

		/** A failure while checking or rendering the board: its one internal finding, rendered as any other. */
		BoardReport failed(BoardArgument board, Throwable failure) {
			CheckResult result = InternalFailure.result(board.file(), failure);
			if (options.predictBootLog()) {
				// Stdout is a boot log; the finding goes where a person or a CI log sees it.
				return new BoardReport(List.of(), List.of(DtcStyle.format(result.findings().get(0))), null, INTERNAL, true);
			}
			return rendered(board, result, null, true);
		}

		/** @param differences what --compare-dtb found, or null without a comparison */
		private BoardReport rendered(BoardArgument board, CheckResult result, List<MapDifference> differences, boolean failed) {
			List<String> lines = new ArrayList<>();
			JsonArray sarifResults = null;
			if (sarif != null) {
				sarifResults = sarif.resultsOf(result);
			} else if (options.format().equals("json")) {
				lines.add(JsonReport.line(board, result, differences == null ? null : DtbComparisonReport.json(differences)));
			} else {
				result.findings().forEach(f -> lines.add(DtcStyle.format(f)));
				if (options.allBoards()) {
					lines.add(BoardSummary.line(board.file(), result.findings()));
				}
			}
			return new BoardReport(lines, List.of(), sarifResults, failed ? INTERNAL : statusOf(result.findings(), options.werror()), failed);
		}
	}

	private static int statusOf(List<Finding> findings, boolean werror) {
		if (findings.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
			return ERRORS;
		}
		return werror && findings.stream().anyMatch(f -> f.severity() == Severity.WARNING) ? WARNINGS : OK;
	}
}
