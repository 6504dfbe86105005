package dev.carveout.dts.limits;

/**
 * How close one board's reading came to each {@link InputLimit}: the largest amount seen of each, and the limit
 * that stopped it, if any. The corpus survey reads the peaks to show every real board stays well below.
 */
public final class InputUsage {

	private final long[] peaks = new long[InputLimit.values().length];
	private InputLimit exceeded;

	/** Records {@code amount}; false when it is past the limit (the caller stops and reports). */
	public boolean within(InputLimit limit, long amount) {
		int i = limit.ordinal();
		if (amount > peaks[i]) {
			peaks[i] = amount;
		}
		return amount <= limit.value();
	}

	/** {@link #within}, throwing {@link LimitExceeded} with {@code subject} in its message. */
	public void check(InputLimit limit, long amount, String subject) {
		if (!within(limit, amount)) {
			throw stop(limit, subject);
		}
	}

	/** Marks the board stopped by {@code limit}; returns the exception to throw. */
	public LimitExceeded stop(InputLimit limit, String subject) {
		exceeded = limit;
		return new LimitExceeded(limit, limit.message(subject));
	}

	public long peak(InputLimit limit) {
		return peaks[limit.ordinal()];
	}

	/** The limit that stopped the work on the board, or null. */
	public InputLimit exceeded() {
		return exceeded;
	}
}
