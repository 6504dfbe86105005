package dev.carveout.target.heaps;

import java.io.IOException;
import java.time.Duration;

import com.jcraft.jsch.Session;

import dev.carveout.target.RemoteCommands;

/**
 * What the board's kernel says about itself besides the probe: its release, the kernel log (for the
 * "OF: reserved mem:" lines) and how it sizes CMA.
 *
 * @param dmesg the kernel log, or null when the login may not read it (kernel.dmesg_restrict for a non-root
 *              user): then the boot log is not compared, and the comparison says so
 */
public record BoardState(String kernelRelease, String dmesg, KernelCmaConfig cma) {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	public static BoardState read(Session session) throws ProbeException {
		String release = output(session, "uname -r").strip();
		RemoteCommands.Result dmesg = run(session, "dmesg");
		String cmdline = output(session, "cat /proc/cmdline");
		// Only with CONFIG_IKCONFIG_PROC; without it the Kconfig-dependent parts of the comparison say "unknown".
		RemoteCommands.Result config = run(session, "zcat /proc/config.gz");
		return new BoardState(release, dmesg.succeeded() ? dmesg.stdout() : null,
				KernelCmaConfig.of(cmdline, config.succeeded() ? config.stdout() : null));
	}

	private static String output(Session session, String command) throws ProbeException {
		RemoteCommands.Result result = run(session, command);
		if (!result.succeeded()) {
			throw new ProbeException("'" + command + "' failed on the board (exit " + result.exitStatus() + "): "
					+ result.stderr().strip(), null);
		}
		return result.stdout();
	}

	private static RemoteCommands.Result run(Session session, String command) throws ProbeException {
		try {
			return RemoteCommands.run(session, command, TIMEOUT);
		} catch (IOException e) {
			throw new ProbeException(e.getMessage(), e);
		}
	}
}
