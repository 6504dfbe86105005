package dev.carveout.zram;

/**
 * One command of a deployment, exactly as the board's shell runs it.
 *
 * @param kind     CHANGE alters the board; VERIFY only reads it and fails if the board disagrees
 * @param requires a sysfs file the step needs, checked on the board because the kernel's attributes could not be
 *                 read beforehand (no zram device existed yet); the step is skipped without it. Null: always run.
 */
public record PlanStep(Kind kind, String title, String command, String requires) {

	public enum Kind {
		CHANGE, VERIFY
	}

	public PlanStep {
		// The transaction script's log has one line per title and per command.
		if (title.contains("\n") || command.contains("\n")) {
			throw new IllegalArgumentException("unsafe step text: " + title + " / " + command);
		}
	}

	@Override
	public String toString() {
		return requires == null ? command : command + "   (if " + requires + " exists)";
	}
}
