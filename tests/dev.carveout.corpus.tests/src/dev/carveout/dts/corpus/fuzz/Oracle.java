package dev.carveout.dts.corpus.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.CheckSettings;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.memmap.Finding;

/**
 * Checks one input as the CLI would (the whole engine: preprocessor, parser, tree, rules) and judges the answer:
 * it must come within {@link #bound}, hold a result, and locate every finding inside its file. The mutated board
 * is written to disk (so bytes that are not UTF-8 reach the real reader); a mutated include stands in as an
 * unsaved buffer, as an editor gives it.
 */
final class Oracle implements AutoCloseable {

	private final List<Path> includeDirs;
	private final Path workDir;
	private final Duration bound;
	private ExecutorService worker = newWorker();
	/** The text of unchanged corpus files, read once, to check that findings lie inside them. */
	private final Map<Path, String> disk = new HashMap<>();

	Oracle(List<Path> includeDirs, Path workDir, Duration bound) {
		this.includeDirs = includeDirs;
		this.workDir = workDir;
		this.bound = bound;
	}

	private static ExecutorService newWorker() {
		return Executors.newSingleThreadExecutor(r -> {
			Thread thread = new Thread(r, "fuzz-check");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * The failure this input provokes, or null. The mutated board is removed afterwards: left in the work folder,
	 * a later input's {@code #include "name.dts"} would find it there before the corpus's file, and its findings
	 * would be judged against the text {@link #diskText} cached for that name earlier.
	 */
	Failure judge(FuzzInput input) throws IOException, InterruptedException {
		Path written = input.mutatedFile().equals(input.board()) ? workDir.resolve(input.board().getFileName()) : null;
		try {
			return judge(input, written);
		} finally {
			if (written != null) {
				Files.deleteIfExists(written);
			}
		}
	}

	private Failure judge(FuzzInput input, Path written) throws IOException, InterruptedException {
		Path board;
		SourceOverlay overlay;
		if (written != null) {
			Files.write(written, input.bytes());
			board = written;
			overlay = SourceOverlay.NONE;
		} else {
			board = input.board();
			overlay = SourceOverlay.of(Map.of(input.mutatedFile(), input.text()));
		}
		List<Path> dirs = new java.util.ArrayList<>(includeDirs);
		dirs.add(input.board().getParent()); // the board's own folder, where its .dtsi files are
		BoardChecker checker = new BoardChecker(CheckSettings.defaults().withIncludeDirs(dirs));
		// on a hang the check is asked to stop (the engine polls it as cpp writes), so a stuck input does not go on
		// taking a core and filling the heap while the rest of the run goes on
		AtomicBoolean stop = new AtomicBoolean();
		Future<CheckResult> future = worker.submit(() -> checker.check(board, overlay, stop::get));
		CheckResult result;
		try {
			result = future.get(bound.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
		} catch (TimeoutException e) {
			stop.set(true);
			future.cancel(true);
			worker.shutdownNow();
			worker = newWorker(); // a check that does not stop when asked is left behind; the next input gets a fresh thread
			return new Failure(Failure.Kind.HANG, "no answer within " + bound.toSeconds() + " s");
		} catch (ExecutionException e) {
			StringWriter trace = new StringWriter();
			e.getCause().printStackTrace(new PrintWriter(trace));
			String text = trace.toString();
			return new Failure(Failure.Kind.EXCEPTION, text.substring(0, Math.min(text.length(), 2000)));
		}
		if (result == null || result.findings() == null || result.files() == null) {
			return new Failure(Failure.Kind.MISSING_RESULT, String.valueOf(result));
		}
		for (Finding finding : result.findings()) {
			if (finding.message().startsWith("internal") || finding.message().contains("nesting too deep to preprocess")) {
				return new Failure(Failure.Kind.EXCEPTION, finding.toString());
			}
			Path file = finding.at().file();
			if (file == null) {
				continue;
			}
			String text = file.equals(written) || file.equals(input.mutatedFile()) ? input.text() : diskText(file);
			if (text == null) {
				continue; // a file the engine could not read either: located at 1:1
			}
			int lines = 1;
			for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
				lines++;
			}
			if (finding.at().line() > lines || finding.at().offset() > text.length()) {
				return new Failure(Failure.Kind.BEYOND_FILE, finding + " in a file of " + lines + " lines, "
						+ text.length() + " characters");
			}
		}
		return null;
	}

	private String diskText(Path file) {
		return disk.computeIfAbsent(file, f -> {
			try {
				return Files.isRegularFile(f) ? new String(Files.readAllBytes(f), StandardCharsets.UTF_8) : null;
			} catch (IOException e) {
				return null;
			}
		});
	}

	@Override
	public void close() {
		worker.shutdownNow();
	}
}
