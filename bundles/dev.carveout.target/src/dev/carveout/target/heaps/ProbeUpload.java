package dev.carveout.target.heaps;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import com.jcraft.jsch.Session;

import dev.carveout.target.RemoteCommands;

/**
 * Puts a probe binary on the board and proves it arrived intact: the board's own sha256sum must print
 * the bundled binary's digest before anything runs it.
 */
public final class ProbeUpload {

	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
	private static final SecureRandom RANDOM = new SecureRandom();

	private ProbeUpload() {
	}

	/**
	 * Uploads to a fresh name under /tmp, readable and executable by the login user only.
	 *
	 * @return the remote path; the caller removes it with {@link #remove}
	 */
	public static String upload(Session session, ProbeBinary binary) throws ProbeException {
		// A random name: two probes at once, or a stale file of an earlier run, never meet.
		byte[] id = new byte[6];
		RANDOM.nextBytes(id);
		String path = "/tmp/carveout-heap-probe-" + HexFormat.of().formatHex(id);
		// Through cat on an exec channel, not SFTP: the client closes an SFTP channel without waiting for the
		// server's sftp-server to exit, and Debian 12's dropbear (2022.83) drops the whole connection when the next
		// channel opens as that child exits (mkj/dropbear#321); an exec channel closes only once its command has
		// exited. It also spares boards an SFTP server.
		RemoteCommands.Result result = run(session, "umask 077 && cat > " + path + " && chmod 700 " + path, binary.content());
		if (!result.succeeded()) {
			throw new ProbeException("Cannot upload the heap probe to " + path + " (exit " + result.exitStatus() + "): "
					+ result.stderr().strip(), null);
		}
		return path;
	}

	/**
	 * @throws ChecksumMismatchException if the board's file is not byte for byte the bundled binary
	 */
	public static void verify(Session session, String remotePath, ProbeBinary binary) throws ProbeException {
		RemoteCommands.Result result = run(session, "sha256sum " + remotePath);
		if (result.exitStatus() == -1) {
			// No exit status came back (the command was killed by a signal, or the board's SSH server lost it):
			// reading a checksum changes nothing, so asking once more is safe.
			result = run(session, "sha256sum " + remotePath);
		}
		if (!result.succeeded()) {
			throw new ProbeException("sha256sum " + remotePath + " failed on the board (exit " + result.exitStatus() + "): "
					+ (result.stderr().strip() + " " + result.stdout().strip()).strip(), null);
		}
		String actual = result.stdout().strip().split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
		if (!actual.equals(binary.sha256())) {
			throw new ChecksumMismatchException(remotePath, binary.sha256(), actual);
		}
	}

	public static void remove(Session session, String remotePath) throws ProbeException {
		run(session, "rm -f " + remotePath);
	}

	private static RemoteCommands.Result run(Session session, String command) throws ProbeException {
		return run(session, command, null);
	}

	private static RemoteCommands.Result run(Session session, String command, byte[] stdin) throws ProbeException {
		try {
			return RemoteCommands.run(session, command, stdin, COMMAND_TIMEOUT);
		} catch (IOException e) {
			throw new ProbeException(e.getMessage(), e);
		}
	}
}
