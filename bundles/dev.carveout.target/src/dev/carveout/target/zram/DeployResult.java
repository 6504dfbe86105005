package dev.carveout.target.zram;

import dev.carveout.zram.DeploymentPlan;

/**
 * How a deployment ended.
 *
 * @param plan       the plan, or null when the result was read back after a reconnect
 * @param failedStep the title of the step that failed (ROLLED_BACK, ROLLBACK_FAILED), else null
 * @param boardError what the board printed on stderr for that step, else ""
 * @param log        the transaction's whole log on the board ("" if none ran)
 */
public record DeployResult(Outcome outcome, DeploymentPlan plan, String failedStep, String boardError, String log) {

	public enum Outcome {
		/** The board already ran this configuration: nothing was executed. */
		UNCHANGED,
		/** Applied and verified. */
		APPLIED,
		/** A step failed; the board is back in its previous state. */
		ROLLED_BACK,
		/** A step failed and restoring the previous state failed too: the board needs attention. */
		ROLLBACK_FAILED,
		/** The plan was not confirmed, or the deployment was cancelled before the board was touched. */
		NOT_APPLIED,
		/** Another deployment was running on the board. */
		BUSY
	}

	/** One paragraph for a dialog or a job status. */
	public String summary() {
		return switch (outcome) {
		case UNCHANGED -> "The board already runs this zram configuration: nothing was changed.";
		case APPLIED -> "zram configuration applied and verified.";
		case ROLLED_BACK -> "Step '" + failedStep + "' failed on the board: " + boardError.strip()
				+ "\nThe previous zram state was restored.";
		case ROLLBACK_FAILED -> "Step '" + failedStep + "' failed on the board: " + boardError.strip()
				+ "\nRestoring the previous zram state failed too; see the log:\n" + log;
		case NOT_APPLIED -> "Not applied: the board was not changed.";
		case BUSY -> "Another zram deployment is running on the board; nothing was changed.";
		};
	}
}
