package dev.carveout.target.heaps;

/** The probe binary on the board is not the one Carveout ships: the upload was damaged or replaced, so it is not run. */
public class ChecksumMismatchException extends ProbeException {

	private static final long serialVersionUID = 1L;

	private final String expected;
	private final String actual;

	public ChecksumMismatchException(String remotePath, String expected, String actual) {
		super("The uploaded heap probe " + remotePath + " has SHA-256 " + actual + ", the bundled one " + expected
				+ ": not running it", null);
		this.expected = expected;
		this.actual = actual;
	}

	public String expected() {
		return expected;
	}

	public String actual() {
		return actual;
	}
}
