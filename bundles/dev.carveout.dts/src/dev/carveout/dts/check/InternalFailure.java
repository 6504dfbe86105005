package dev.carveout.dts.check;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.carveout.memmap.Finding;
import dev.carveout.memmap.Severity;
import dev.carveout.memmap.SourceRef;

/**
 * What a failure of Carveout itself becomes: any throwable that escapes checking a board (a bug, a
 * StackOverflowError, an OutOfMemoryError) is an error finding on that board, at its first line, naming the
 * throwable and where in Carveout it was thrown and asking for a report. The CLI, the language server and the
 * editor all turn failures into this one finding, so a failure is never silent and never takes the next board
 * down with it.
 */
public final class InternalFailure {

	public static final String RULE = "internal";
	/** Enough of the trace to find the bug; a StackOverflowError's first frames are the recursion itself. */
	private static final int FRAMES = 2;
	private static final String OURS = "dev.carveout.";

	private InternalFailure() {
	}

	public static Finding finding(Path board, Throwable failure) {
		return new Finding(RULE, Severity.ERROR, "Carveout failed on this board: " + describe(failure)
				+ "; please report it with the board", new SourceRef(board.toAbsolutePath().normalize(), 1, 1, 0, 0), null);
	}

	/** The throwable and its first frames inside Carveout (or its first frame, when none is ours). */
	public static String describe(Throwable failure) {
		StackTraceElement[] trace = failure.getStackTrace();
		StackTraceElement[] ours = Arrays.stream(trace).filter(f -> f.getClassName().startsWith(OURS)).limit(FRAMES)
				.toArray(StackTraceElement[]::new);
		StackTraceElement[] shown = ours.length > 0 ? ours : Arrays.copyOf(trace, Math.min(1, trace.length));
		String frames = Arrays.stream(shown).map(StackTraceElement::toString).collect(Collectors.joining(", "));
		return failure + (frames.isEmpty() ? "" : " at " + frames);
	}

	/** The board's result when checking it failed: its one internal finding, no model. */
	public static CheckResult result(Path board, Throwable failure) {
		Finding finding = finding(board, failure);
		return new CheckResult(finding.at().file(), List.of(finding), Set.of(finding.at().file()), null);
	}
}
