package dev.carveout.target.zram;

import java.io.IOException;

/**
 * The connection to the board died during a deployment. If the transaction had been started ({@link #transactionId()}
 * not null) it carries on on the board; {@link ZramDeployer#resume} tells how it ended once connected again.
 */
public class ConnectionLostException extends IOException {

	private static final long serialVersionUID = 1L;

	private final String transactionId;

	public ConnectionLostException(String transactionId, IOException cause) {
		super(transactionId == null ? "connection lost before the deployment started: the board is unchanged ("
				+ cause.getMessage() + ")"
				: "connection lost while transaction " + transactionId + " runs on the board; it finishes or rolls back "
						+ "there: reconnect to read its outcome (" + cause.getMessage() + ")", cause);
		this.transactionId = transactionId;
	}

	public String transactionId() {
		return transactionId;
	}
}
