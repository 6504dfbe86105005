package dev.carveout.target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;

/**
 * Opens authenticated JSch sessions to {@link Target}s.
 * <p>
 * Host keys are always checked strictly against an OpenSSH known_hosts file, so Carveout and the
 * user's command-line ssh agree on which boards are trusted. Authentication is by key file only.
 */
public final class SshSessions {

	private static final int CONNECT_TIMEOUT_MS = 15_000;

	private final Path knownHostsFile;

	/** Uses ~/.ssh/known_hosts, shared with the user's OpenSSH client. */
	public SshSessions() {
		this(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"));
	}

	public SshSessions(Path knownHostsFile) {
		this.knownHostsFile = Objects.requireNonNull(knownHostsFile);
	}

	public Path knownHostsFile() {
		return knownHostsFile;
	}

	/**
	 * Connects and authenticates. The caller owns the returned session and must disconnect it.
	 *
	 * @throws HostKeyChangedException if the target's key differs from known_hosts
	 * @throws SshConnectException     for any other failure (unknown key rejected, auth, network)
	 */
	public Session open(Target target, HostKeyPrompt prompt) throws SshConnectException {
		JSch jsch = new JSch();
		PromptingHostKeyRepository hostKeys;
		try {
			if (Files.exists(knownHostsFile)) {
				jsch.setKnownHosts(knownHostsFile.toString());
			}
			hostKeys = new PromptingHostKeyRepository(jsch.getHostKeyRepository(), knownHostsFile, prompt);
			jsch.setHostKeyRepository(hostKeys);
			jsch.addIdentity(target.privateKeyFile().toString());
		} catch (JSchException e) {
			throw new SshConnectException("Cannot load SSH key " + target.privateKeyFile() + " or known hosts "
					+ knownHostsFile + ": " + e.getMessage(), e);
		}
		Session session = null;
		try {
			session = jsch.getSession(target.user(), target.host(), target.port());
			// "yes": JSch itself never accepts unknown keys; our repository answers via the prompt.
			session.setConfig("StrictHostKeyChecking", "yes");
			// Key-only: never fall back to keyboard-interactive/password prompts that have no UI here.
			session.setConfig("PreferredAuthentications", "publickey");
			session.connect(CONNECT_TIMEOUT_MS);
			return session;
		} catch (JSchException e) {
			if (session != null) {
				session.disconnect();
			}
			HostKeyChangedException changed = hostKeys.changed();
			if (changed != null) {
				throw changed;
			}
			if (e instanceof JSchChangedHostKeyException) {
				throw new SshConnectException("Host key of " + target.knownHostsName() + " changed: " + e.getMessage(), e);
			}
			throw new SshConnectException("Cannot connect to " + target + ": " + e.getMessage(), e);
		}
	}
}
