package dev.carveout.target;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;

/** Runs one shell command on a target over an open session (an SSH "exec" channel, no pty). */
public final class RemoteCommands {

	private RemoteCommands() {
	}

	/** What a command printed and how it exited; exitStatus is -1 if the target sent none. */
	public record Result(String command, int exitStatus, String stdout, String stderr) {

		public boolean succeeded() {
			return exitStatus == 0;
		}
	}

	/**
	 * Runs the command and waits for it to exit, at most {@code timeout}; stdout and stderr are decoded as UTF-8.
	 *
	 * @throws IOException if the channel cannot be opened or the command does not finish in time
	 */
	public static Result run(Session session, String command, Duration timeout) throws IOException {
		return run(session, command, null, timeout);
	}

	/**
	 * Like {@link #run(Session, String, Duration)}, with {@code stdin} sent to the command (then end of file), e.g. a
	 * file's content for {@code cat > file}; null sends nothing.
	 */
	public static Result run(Session session, String command, byte[] stdin, Duration timeout) throws IOException {
		ChannelExec channel;
		try {
			channel = (ChannelExec) session.openChannel("exec");
		} catch (JSchException e) {
			throw new IOException("Cannot open a channel to run '" + command + "': " + e.getMessage(), e);
		}
		try {
			channel.setCommand(command);
			if (stdin != null) {
				channel.setInputStream(new ByteArrayInputStream(stdin));
			}
			ByteArrayOutputStream stdout = new ByteArrayOutputStream();
			ByteArrayOutputStream stderr = new ByteArrayOutputStream();
			InputStream out = channel.getInputStream();
			InputStream err = channel.getErrStream();
			long deadline = System.nanoTime() + timeout.toNanos();
			channel.connect((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
			// Polling both streams, not readAllBytes: a command that fills one pipe while we block on the
			// other would never finish, and a blocking read could not honour the timeout.
			while (true) {
				boolean read = drain(out, stdout) | drain(err, stderr);
				if (channel.isClosed() && out.available() == 0 && err.available() == 0) {
					break;
				}
				if (!session.isConnected()) {
					// The server went away with the command's channel still open: waiting out the timeout tells nothing more.
					throw new IOException("The connection closed while '" + command + "' was running");
				}
				if (System.nanoTime() > deadline) {
					throw new IOException("'" + command + "' did not finish within " + timeout.toSeconds() + " s");
				}
				if (!read) {
					Thread.sleep(10);
				}
			}
			return new Result(command, channel.getExitStatus(), stdout.toString(StandardCharsets.UTF_8),
					stderr.toString(StandardCharsets.UTF_8));
		} catch (JSchException e) {
			throw new IOException("Cannot run '" + command + "': " + e.getMessage(), e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while running '" + command + "'", e);
		} finally {
			channel.disconnect();
		}
	}

	private static boolean drain(InputStream in, ByteArrayOutputStream to) throws IOException {
		byte[] buffer = new byte[8192];
		boolean read = false;
		while (in.available() > 0) {
			int n = in.read(buffer);
			if (n < 0) {
				break;
			}
			to.write(buffer, 0, n);
			read = true;
		}
		return read;
	}
}
