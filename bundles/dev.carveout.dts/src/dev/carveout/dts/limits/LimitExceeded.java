package dev.carveout.dts.limits;

/**
 * A limit was hit: the work on the board stops and the message becomes an {@code input} error where it happened.
 * Thrown deep inside loops and caught once per stage, so it carries no stack trace (hitting a limit is cheap).
 */
public final class LimitExceeded extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final InputLimit limit;

	public LimitExceeded(InputLimit limit, String message) {
		super(message, null, false, false);
		this.limit = limit;
	}

	public InputLimit limit() {
		return limit;
	}
}
