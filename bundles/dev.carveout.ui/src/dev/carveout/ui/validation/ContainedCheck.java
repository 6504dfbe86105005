package dev.carveout.ui.validation;

import java.nio.file.Path;
import java.util.function.Supplier;

import org.eclipse.core.runtime.ILog;
import org.eclipse.xtext.service.OperationCanceledManager;

import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.InternalFailure;

/**
 * Runs a piece of work on a board so that nothing it throws escapes into the job or the builder (which would
 * end the job with an error dialog or stop the build): the throwable goes to the error log with its trace, and
 * the board gets an internal-failure marker. Cancellation still cancels.
 */
public final class ContainedCheck {

	private static final OperationCanceledManager CANCELLATION = new OperationCanceledManager();

	private ContainedCheck() {
	}

	/** The check's result, or the board's internal finding when the check failed. */
	public static CheckResult check(Path board, Supplier<CheckResult> check) {
		try {
			return check.get();
		} catch (Throwable failure) {
			CANCELLATION.propagateIfCancelException(failure);
			logged(board.toString(), failure);
			return InternalFailure.result(board, failure);
		}
	}

	/** Writes the failure to the error log, with its trace for the report the marker asks for. */
	public static void logged(String board, Throwable failure) {
		ILog.of(ContainedCheck.class).error("Carveout failed on " + board + "; please report it with the board", failure);
	}
}
