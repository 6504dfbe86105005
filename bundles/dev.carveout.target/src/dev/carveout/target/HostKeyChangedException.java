package dev.carveout.target;

import java.util.List;

/**
 * The target presented a host key different from the one recorded in known_hosts.
 * <p>
 * This is never answered by a prompt: a re-flashed board and a man-in-the-middle look the same, so
 * the user must remove the old entry deliberately (ssh-keygen -R) before connecting again.
 */
public class HostKeyChangedException extends SshConnectException {

	private static final long serialVersionUID = 1L;

	private final String host;
	private final String presentedFingerprint;
	private final List<String> knownFingerprints;

	public HostKeyChangedException(String host, String presentedFingerprint, List<String> knownFingerprints,
			String knownHostsFile) {
		super("REMOTE HOST KEY CHANGED for " + host + ": it presented " + presentedFingerprint + " but "
				+ knownHostsFile + " records " + String.join(", ", knownFingerprints)
				+ ". Connection refused. If the target was re-flashed, remove the old key with: ssh-keygen -f "
				+ knownHostsFile + " -R '" + host + "'", null);
		this.host = host;
		this.presentedFingerprint = presentedFingerprint;
		this.knownFingerprints = List.copyOf(knownFingerprints);
	}

	public String host() {
		return host;
	}

	public String presentedFingerprint() {
		return presentedFingerprint;
	}

	public List<String> knownFingerprints() {
		return knownFingerprints;
	}
}
