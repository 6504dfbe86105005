package dev.carveout.target;

/**
 * Asks the user whether to trust a host key seen for the first time.
 * <p>
 * Kept free of UI types so the connection code can be used headless (CLI, tests); the UI bundle
 * supplies a dialog-based implementation.
 */
@FunctionalInterface
public interface HostKeyPrompt {

	/**
	 * @param host        the host as written to known_hosts ("[host]:port" for non-default ports)
	 * @param keyType     the SSH key type, e.g. "ssh-ed25519"
	 * @param fingerprint the OpenSSH-style fingerprint, "SHA256:" + unpadded base64
	 * @return true to trust the key (it is then added to known_hosts), false to abort the connection
	 */
	boolean trustNewHostKey(String host, String keyType, String fingerprint);

	/** Refuses every unknown key: for unattended use where known_hosts must already be populated. */
	HostKeyPrompt REJECT = (host, keyType, fingerprint) -> false;
}
