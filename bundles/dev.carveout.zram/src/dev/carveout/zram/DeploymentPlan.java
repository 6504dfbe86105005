package dev.carveout.zram;

import java.util.List;

/**
 * The commands that take a board from its current zram state to the configured one, and back.
 *
 * @param targets        the devices the configuration asks for on this board (sizes evaluated)
 * @param steps          teardown of the old devices, setup of the new ones, then checks, in the kernel's order
 * @param restore        the commands that rebuild the previous devices after a failure (after every zram swap is
 *                       off and every device reset)
 * @param unloadOnRestore the zram module was not loaded before: a rollback unloads it again
 * @param notes          what the plan could not do on this kernel (a missing attribute) and why
 * @param satisfied      the board already matches: nothing is to be run
 */
public record DeploymentPlan(BoardState board, List<DeviceTarget> targets, List<PlanStep> steps, List<PlanStep> restore,
		boolean unloadOnRestore, List<String> notes, boolean satisfied) {

	public DeploymentPlan {
		targets = List.copyOf(targets);
		steps = List.copyOf(steps);
		restore = List.copyOf(restore);
		notes = List.copyOf(notes);
	}

	/** The plan as the engineer confirms it: one command a line. */
	public String describe() {
		StringBuilder out = new StringBuilder();
		out.append("Board: Linux ").append(board.kernelRelease()).append(", MemTotal ").append(board.memTotalKiB())
				.append(" kB\n");
		if (satisfied) {
			return out.append("The board already runs this configuration: nothing to do.\n").toString();
		}
		for (String note : notes) {
			out.append("Note: ").append(note).append('\n');
		}
		int n = 1;
		for (PlanStep step : steps) {
			out.append(String.format("%2d. %-7s %s%n", n++, step.kind() == PlanStep.Kind.VERIFY ? "check" : "", step));
		}
		return out.toString();
	}
}
