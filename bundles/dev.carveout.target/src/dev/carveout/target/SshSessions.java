package dev.carveout.target;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;

/**
 * Opens authenticated JSch sessions to {@link Target}s.
 * <p>
 * Host keys are always checked strictly against an OpenSSH known_hosts file, so Carveout and the
 * user's command-line ssh agree on which boards are trusted. Authentication is by the target's key file (its
 * passphrase, if any, from {@link TargetSecrets}) or, for a target without one, by password from the same source.
 */
public final class SshSessions {

	private static final int CONNECT_TIMEOUT_MS = 15_000;

	private final Path knownHostsFile;
	private final TargetSecrets secrets;

	/** Uses ~/.ssh/known_hosts, shared with the user's OpenSSH client. */
	public SshSessions() {
		this(defaultKnownHosts());
	}

	public SshSessions(Path knownHostsFile) {
		this(knownHostsFile, TargetSecrets.NONE);
	}

	public SshSessions(Path knownHostsFile, TargetSecrets secrets) {
		this.knownHostsFile = Objects.requireNonNull(knownHostsFile);
		this.secrets = Objects.requireNonNull(secrets);
	}

	/** ~/.ssh/known_hosts, the file the user's OpenSSH client trusts. */
	public static Path defaultKnownHosts() {
		return Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
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
		PromptingHostKeyRepository hostKeys = null;
		char[] secret = secrets.secretFor(target).orElse(null);
		Session session = null;
		try {
			try {
				if (Files.exists(knownHostsFile)) {
					jsch.setKnownHosts(knownHostsFile.toString());
				}
				hostKeys = new PromptingHostKeyRepository(jsch.getHostKeyRepository(), knownHostsFile, prompt);
				jsch.setHostKeyRepository(hostKeys);
				if (!target.usesPassword()) {
					jsch.addIdentity(target.privateKeyFile().toString(), secret == null ? null : utf8(secret));
				}
			} catch (JSchException e) {
				throw new SshConnectException("Cannot load SSH key " + target.privateKeyFile() + " or known hosts "
						+ knownHostsFile + ": " + e.getMessage(), e);
			}
			if (target.usesPassword() && secret == null) {
				throw new SshConnectException("No password for " + target
						+ ": store it with the target (Targets view, Edit) or give the target a key file", null);
			}
			session = jsch.getSession(target.user(), target.host(), target.port());
			// "yes": JSch itself never accepts unknown keys; our repository answers via the prompt.
			session.setConfig("StrictHostKeyChecking", "yes");
			// One method, the target's: never fall back to interactive prompts that have no UI here.
			if (target.usesPassword()) {
				session.setPassword(utf8(secret));
				session.setConfig("PreferredAuthentications", "password");
			} else {
				session.setConfig("PreferredAuthentications", "publickey");
			}
			session.connect(CONNECT_TIMEOUT_MS);
			return session;
		} catch (JSchException e) {
			if (session != null) {
				session.disconnect();
			}
			HostKeyChangedException changed = hostKeys == null ? null : hostKeys.changed();
			if (changed != null) {
				throw changed;
			}
			if (e instanceof JSchChangedHostKeyException) {
				throw new SshConnectException("Host key of " + target.knownHostsName() + " changed: " + e.getMessage(), e);
			}
			throw new SshConnectException("Cannot connect to " + target + ": " + e.getMessage(), e);
		} finally {
			if (secret != null) {
				Arrays.fill(secret, '\0');
			}
		}
	}

	private static byte[] utf8(char[] secret) {
		ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
		byte[] result = new byte[bytes.remaining()];
		bytes.get(result);
		return result;
	}
}
