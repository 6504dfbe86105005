package dev.carveout.dts.tree;

/** A value that cannot be computed from the source as written (an unexpanded macro, a bad literal). */
public final class UnknownValueException extends Exception {

	private static final long serialVersionUID = 1L;

	public UnknownValueException(String message) {
		super(message, null, false, false);
	}
}
