package dev.carveout.target.heaps;

import java.io.IOException;

/** The heap probe could not be run or read; the message says which step failed and what the board said. */
public class ProbeException extends IOException {

	private static final long serialVersionUID = 1L;

	public ProbeException(String message, Throwable cause) {
		super(message, cause);
	}
}
