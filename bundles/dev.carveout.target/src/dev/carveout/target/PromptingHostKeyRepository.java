package dev.carveout.target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;

/**
 * Wraps JSch's known_hosts parser and adds the two decisions JSch leaves to a UserInfo text prompt:
 * unknown keys go to a typed {@link HostKeyPrompt} (key type + SHA256 fingerprint, not a
 * preformatted message), and a changed key is remembered so {@link SshSessions} can explain it.
 * <p>
 * One instance per connection attempt: it records what happened during that handshake.
 */
final class PromptingHostKeyRepository implements HostKeyRepository {

	private final HostKeyRepository knownHosts;
	private final Path knownHostsFile;
	private final HostKeyPrompt prompt;

	/** Set when the server's key contradicts known_hosts; read after JSch aborts the handshake. */
	private volatile HostKeyChangedException changed;

	PromptingHostKeyRepository(HostKeyRepository knownHosts, Path knownHostsFile, HostKeyPrompt prompt) {
		this.knownHosts = knownHosts;
		this.knownHostsFile = knownHostsFile;
		this.prompt = prompt;
	}

	HostKeyChangedException changed() {
		return changed;
	}

	@Override
	public int check(String host, byte[] key) {
		int result = knownHosts.check(host, key);
		if (result == OK) {
			return OK;
		}
		String type = typeOf(host, key);
		String fingerprint = Fingerprints.sha256(key);
		if (result == CHANGED) {
			// Never prompt here: accepting a changed key is how MITM attacks succeed.
			changed = new HostKeyChangedException(host, fingerprint, knownFingerprints(host, type),
					knownHostsFile.toString());
			return CHANGED;
		}
		if (!prompt.trustNewHostKey(host, type, fingerprint)) {
			return NOT_INCLUDED;
		}
		appendToKnownHosts(host, type, key);
		return OK;
	}

	private static String typeOf(String host, byte[] key) {
		try {
			return new HostKey(host, key).getType();
		} catch (JSchException e) {
			return "unknown";
		}
	}

	private List<String> knownFingerprints(String host, String type) {
		List<String> sameType = new ArrayList<>();
		List<String> all = new ArrayList<>();
		HostKey[] keys = knownHosts.getHostKey(host, null);
		if (keys != null) {
			for (HostKey k : keys) {
				String fp = Fingerprints.sha256(Base64.getDecoder().decode(k.getKey()));
				all.add(k.getType() + " " + fp);
				if (type.equals(k.getType())) {
					sameType.add(k.getType() + " " + fp);
				}
			}
		}
		return sameType.isEmpty() ? all : sameType;
	}

	/**
	 * Appends one line instead of letting JSch rewrite the file: the user's known_hosts may hold
	 * comments, markers and hashed entries that must survive untouched.
	 */
	private void appendToKnownHosts(String host, String type, byte[] key) {
		String line = host + " " + type + " " + Base64.getEncoder().encodeToString(key) + "\n";
		try {
			Path parent = knownHostsFile.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			boolean needsNewline = Files.exists(knownHostsFile) && Files.size(knownHostsFile) > 0
					&& !Files.readString(knownHostsFile, StandardCharsets.UTF_8).endsWith("\n");
			Files.writeString(knownHostsFile, (needsNewline ? "\n" : "") + line, StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot record host key in " + knownHostsFile, e);
		}
	}

	@Override
	public void add(HostKey hostkey, UserInfo ui) {
		knownHosts.add(hostkey, ui);
	}

	@Override
	public void remove(String host, String type) {
		knownHosts.remove(host, type);
	}

	@Override
	public void remove(String host, String type, byte[] key) {
		knownHosts.remove(host, type, key);
	}

	@Override
	public String getKnownHostsRepositoryID() {
		return knownHosts.getKnownHostsRepositoryID();
	}

	@Override
	public HostKey[] getHostKey() {
		return knownHosts.getHostKey();
	}

	@Override
	public HostKey[] getHostKey(String host, String type) {
		return knownHosts.getHostKey(host, type);
	}
}
