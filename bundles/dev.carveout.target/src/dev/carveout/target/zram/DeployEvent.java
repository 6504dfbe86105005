package dev.carveout.target.zram;

/**
 * What a deployment is doing, as it happens: the UI mirrors these to the engineer (every command and its output)
 * and tests watch them. Step numbers run over the whole deployment: the client's own steps first, then the board's.
 */
public sealed interface DeployEvent {

	/** A step starts; {@code total} is 0 while the plan is not known yet. */
	record Step(int number, int total, String title) implements DeployEvent {
	}

	/** The exact command the board runs. */
	record Command(String command) implements DeployEvent {
	}

	/** What the board printed (stdout and stderr), one line. */
	record Output(String line) implements DeployEvent {
	}

	/** A step left out because this kernel lacks the attribute. */
	record Skipped(int number, String title) implements DeployEvent {
	}

	/** A step failed; the board now restores the previous state. */
	record Failed(int number) implements DeployEvent {
	}

	record RollingBack() implements DeployEvent {
	}
}
