package dev.carveout.zram;

/** A size expression that cannot be read or evaluated; {@code offset} is 0-based in the expression text. */
public class ExpressionException extends Exception {

	private static final long serialVersionUID = 1L;

	private final int offset;

	public ExpressionException(int offset, String message) {
		super(message);
		this.offset = offset;
	}

	public int offset() {
		return offset;
	}
}
