package dev.carveout.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import com.google.gson.JsonArray;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckResult;
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
 */
public final class CheckCommand {

	public static final int OK = 0;
	public static final int WARNINGS = 1;
	public static final int ERRORS = 2;
	public static final int USAGE = 3;

	private final PrintStream out;
	private final PrintStream err;
	private final Path srcRoot;

	public CheckCommand(PrintStream out, PrintStream err) {
		this(out, err, Path.of(""));
	}

	/** @param srcRoot what SARIF artifact URIs are relative to (SRCROOT): the current directory when run from the shell */
	public CheckCommand(PrintStream out, PrintStream err, Path srcRoot) {
		this.out = out;
		this.err = err;
		this.srcRoot = srcRoot;
	}

	public int run(List<String> args) {
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
		DtbComparisonReport comparison = dtb;
		BoardChecker checker = new BoardChecker(options.settings());
		int status = OK;
		long start = System.nanoTime();
		PeakHeap heap = options.stats() ? PeakHeap.start() : null;
		Progress progress = new Progress(err, options.allBoards() && System.console() != null, options.boards().size());
		SarifReport sarif = options.format().equals("sarif") ? new SarifReport(srcRoot, checker) : null;
		List<BootLogEvent> log = bootLog;
		// Everything per board runs on the pool, SARIF's fixes too: each one re-checks the board.
		Function<Path, Checked> work = board -> {
			CheckResult result = checker.check(board, SourceOverlay.NONE);
			if (log != null && result.memoryMap() != null) {
				result = result.withMoreFindings(BootLogComparison.compare(result.memoryMap(), options.settings().profile(), log));
			}
			List<MapDifference> differences = null;
			if (comparison != null && result.memoryMap() != null) {
				differences = comparison.differences(result.memoryMap());
				result = result.withMoreFindings(comparison.findings(board, differences));
			}
			return new Checked(result, sarif == null || options.predictBootLog() ? null : sarif.resultsOf(result), differences);
		};
		try (BoardQueue<Checked> queue = new BoardQueue<>(options.boards(), work)) {
			for (Path board : options.boards()) {
				progress.next(board);
				if (!Files.isRegularFile(board)) {
					String problem = (Files.exists(board) ? "not a file: " : "file not found: ") + board;
					err.println("carveout check: " + problem);
					if (sarif != null) {
						sarif.inputProblem(problem);
					}
					status = Math.max(status, USAGE);
					queue.skip();
					continue;
				}
				Checked checked = queue.next();
				CheckResult result = checked.result();
				if (options.predictBootLog()) {
					if (result.memoryMap() != null) {
						BootLogPrediction.lines(result.memoryMap(), options.settings().profile()).forEach(out::println);
					}
					continue;
				}
				if (sarif != null) {
					sarif.add(checked.sarifResults());
				} else if (options.format().equals("json")) {
					out.println(checked.differences() == null ? JsonReport.line(result)
							: JsonReport.line(result, DtbComparisonReport.json(checked.differences())));
				} else {
					result.findings().forEach(f -> out.println(DtcStyle.format(f)));
				}
				status = Math.max(status, statusOf(result.findings(), options.werror()));
				if (options.allBoards() && options.format().equals("text")) {
					out.println(BoardSummary.line(board, result.findings()));
				}
			}
		}
		progress.done();
		if (sarif != null && !options.predictBootLog()) {
			out.println(sarif.toJson());
		}
		if (heap != null) {
			err.printf("carveout check: %d boards in %.2f s, peak heap %d MiB%n", options.boards().size(),
					(System.nanoTime() - start) / 1e9, heap.stop() >>> 20);
		}
		return status;
	}

	/** One board's result, its SARIF results when the format is SARIF, and its differences from --compare-dtb. */
	private record Checked(CheckResult result, JsonArray sarifResults, List<MapDifference> differences) {
	}

	private static int statusOf(List<Finding> findings, boolean werror) {
		if (findings.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
			return ERRORS;
		}
		return werror && findings.stream().anyMatch(f -> f.severity() == Severity.WARNING) ? WARNINGS : OK;
	}
}
