package dev.carveout.target;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An embedded board reachable over SSH.
 * <p>
 * Deliberately holds no secret: a key file the user already protects, or (without one) password
 * authentication whose password, like a key's passphrase, comes from {@link TargetSecrets} at connect time, so
 * nothing secret ends up in workspace metadata.
 *
 * @param name           display name, e.g. "imx8-dev-board"
 * @param host           host name or IP address
 * @param port           SSH port (22 on most boards)
 * @param user           login user (often root on BSP images)
 * @param privateKeyFile path to the private key used for authentication; null for password authentication
 */
public record Target(String name, String host, int port, String user, Path privateKeyFile) {

	public Target {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(host, "host");
		Objects.requireNonNull(user, "user");
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("port out of range: " + port);
		}
	}

	/** True if the target logs in with a password instead of a key file. */
	public boolean usesPassword() {
		return privateKeyFile == null;
	}

	/** The name OpenSSH uses for this host in known_hosts: "[host]:port" unless the port is 22. */
	public String knownHostsName() {
		return port == 22 ? host : "[" + host + "]:" + port;
	}

	@Override
	public String toString() {
		return name + " (" + user + "@" + host + ":" + port + ")";
	}
}
