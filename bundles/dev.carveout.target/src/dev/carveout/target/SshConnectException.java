package dev.carveout.target;

import java.io.IOException;

/** Opening an SSH session to a target failed; the message is meant to be shown to the user as is. */
public class SshConnectException extends IOException {

	private static final long serialVersionUID = 1L;

	public SshConnectException(String message, Throwable cause) {
		super(message, cause);
	}
}
