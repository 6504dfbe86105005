package dev.carveout.target.heaps;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

import com.jcraft.jsch.Session;

import dev.carveout.target.RemoteCommands;

/**
 * Runs carveout-heap-probe on a board: the binary for its {@code uname -m} is uploaded (cat on an exec channel), its checksum
 * checked on the board, run, and removed again whatever happens.
 */
public final class HeapProbe {

	/** 64 MiB: past the CMA pools of most boards, well within the system heap of a 512 MiB one. */
	public static final long DEFAULT_MAX_SIZE = 64L << 20;
	// The ladder writes and reads every byte; on an emulated board 64 MiB takes about a second.
	private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

	private HeapProbe() {
	}

	/**
	 * @param maxSize  the largest buffer to try, bytes (at least 4096)
	 * @param progress told before each step; it may throw (e.g. OperationCanceledException) to stop, and the
	 *                 uploaded file is removed all the same
	 */
	public static HeapReport run(Session session, long maxSize, Consumer<String> progress) throws ProbeException {
		if (maxSize < 4096) {
			throw new IllegalArgumentException("maxSize must be at least 4096: " + maxSize);
		}
		progress.accept("Reading the board's architecture");
		ProbeBinary binary = ProbeBinary.forMachine(checked(session, "uname -m", COMMAND_TIMEOUT));
		progress.accept("Uploading the " + binary.arch() + " heap probe");
		String path = ProbeUpload.upload(session, binary);
		HeapReport report;
		try {
			progress.accept("Checking the upload's SHA-256");
			ProbeUpload.verify(session, path, binary);
			progress.accept("Allocating from each DMA-BUF heap");
			report = HeapReportJson.parse(checked(session, path + " --max " + maxSize, RUN_TIMEOUT));
		} catch (ProbeException | RuntimeException e) {
			// The first failure is the one to report; not cleaning up after it is only a note on it.
			try {
				ProbeUpload.remove(session, path);
			} catch (ProbeException cleanup) {
				e.addSuppressed(cleanup);
			}
			throw e;
		}
		ProbeUpload.remove(session, path);
		return report;
	}

	/** Opens an SSH session to the board the probe runs on. */
	@FunctionalInterface
	public interface SessionOpener {
		Session open() throws IOException;
	}

	/**
	 * Like {@link #run(Session, long, Consumer)} on a session of its own, run once more on a fresh session when the
	 * board's SSH server dropped the first: Debian 12's dropbear (2022.83) drops the whole connection when a channel
	 * opens just as a command on it exits (mkj/dropbear#321, fixed in 2024.86). Every step is safe to repeat: the
	 * upload goes to a fresh name, the checksum only reads, and the probe frees what it allocates.
	 *
	 * @param opened told of each session as it opens; the caller reads the board on the last one and disconnects all
	 */
	public static HeapReport run(SessionOpener opener, Consumer<Session> opened, long maxSize, Consumer<String> progress)
			throws IOException {
		Session session = opener.open();
		opened.accept(session);
		try {
			return run(session, maxSize, progress);
		} catch (ProbeException e) {
			if (session.isConnected()) {
				throw e;
			}
			progress.accept("The board dropped the connection; probing again on a new one");
			Session again;
			try {
				again = opener.open();
			} catch (IOException reconnect) {
				e.addSuppressed(reconnect);
				throw e;
			}
			opened.accept(again);
			return run(again, maxSize, progress);
		}
	}

	private static String checked(Session session, String command, Duration timeout) throws ProbeException {
		RemoteCommands.Result result;
		try {
			result = RemoteCommands.run(session, command, timeout);
		} catch (IOException e) {
			throw new ProbeException(e.getMessage(), e);
		}
		if (!result.succeeded()) {
			throw new ProbeException("'" + command + "' failed on the board (exit " + result.exitStatus() + "): "
					+ (result.stderr().isBlank() ? result.stdout() : result.stderr()).strip(), null);
		}
		return result.stdout();
	}
}
