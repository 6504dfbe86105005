package dev.carveout.dts.tree;

import org.eclipse.emf.ecore.EObject;

/**
 * A value that cannot be computed from the source as written (an unexpanded macro, a bad literal), or one that
 * dtc refuses with an error (division by zero): then {@link #invalid()} is the element at fault.
 */
public final class UnknownValueException extends Exception {

	private static final long serialVersionUID = 1L;

	private final transient EObject invalid;

	public UnknownValueException(String message) {
		this(message, null);
	}

	public UnknownValueException(String message, EObject invalid) {
		super(message, null, false, false);
		this.invalid = invalid;
	}

	/** The expression or value dtc reports an error for, or null when the value is merely unknown. */
	public EObject invalid() {
		return invalid;
	}
}
