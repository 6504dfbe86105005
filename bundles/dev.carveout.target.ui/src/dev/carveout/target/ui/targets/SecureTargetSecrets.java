package dev.carveout.target.ui.targets;

import java.util.Optional;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;

import dev.carveout.target.SshSessions;
import dev.carveout.target.Target;
import dev.carveout.target.TargetSecrets;

/**
 * Passwords and key passphrases of targets in Eclipse secure storage (encrypted, outside the workspace), the
 * only place Carveout keeps a secret.
 */
public final class SecureTargetSecrets implements TargetSecrets {

	private static final String NODE = "dev.carveout/targets";
	private static final String SECRET = "secret";

	private final ISecurePreferences root;

	/** The user's default secure storage (the platform asks for its master password when needed). */
	public static SecureTargetSecrets getDefault() {
		return new SecureTargetSecrets(SecurePreferencesFactory.getDefault());
	}

	/** SSH sessions as the workbench opens them: the user's ~/.ssh/known_hosts and secrets from secure storage. */
	public static SshSessions workbenchSessions() {
		return new SshSessions(SshSessions.defaultKnownHosts(), getDefault());
	}

	public SecureTargetSecrets(ISecurePreferences root) {
		this.root = root;
	}

	@Override
	public Optional<char[]> secretFor(Target target) {
		String path = path(target.name());
		if (!root.nodeExists(path)) {
			return Optional.empty();
		}
		try {
			String secret = root.node(path).get(SECRET, null);
			return secret == null ? Optional.empty() : Optional.of(secret.toCharArray());
		} catch (StorageException e) {
			throw new IllegalStateException("Cannot read the secret of " + target.name()
					+ " from secure storage: " + e.getMessage(), e);
		}
	}

	/** Stores (encrypted) or, for null or empty, forgets the secret of the named target. */
	public void store(String targetName, char[] secret) throws StorageException {
		if (secret == null || secret.length == 0) {
			forget(targetName);
			return;
		}
		root.node(path(targetName)).put(SECRET, new String(secret), true);
		flush();
	}

	public void forget(String targetName) {
		String path = path(targetName);
		if (root.nodeExists(path)) {
			root.node(path).removeNode();
			flush();
		}
	}

	public boolean has(String targetName) {
		return root.nodeExists(path(targetName));
	}

	private void flush() {
		try {
			root.flush();
		} catch (java.io.IOException e) {
			throw new IllegalStateException("Cannot save secure storage: " + e.getMessage(), e);
		}
	}

	private static String path(String targetName) {
		return NODE + "/" + TargetStore.encode(targetName);
	}
}
