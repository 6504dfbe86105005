package dev.carveout.target.tests.zram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.jcraft.jsch.Session;

import dev.carveout.target.HostKeyPrompt;
import dev.carveout.target.RemoteCommands;
import dev.carveout.target.SshSessions;
import dev.carveout.target.Target;
import dev.carveout.target.tests.BootedBoard.Board;
import dev.carveout.target.zram.ZramDeployment;

/**
 * What an engineer's own SSH session sees of zram on the board, read with plain shell commands and none of the
 * engine's code: the yardstick the deployment tests compare against.
 */
final class ZramBoard {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final Session session;
	private final Target target;
	private final Path knownHosts;
	private final HostKeyPrompt hostKeys;

	private ZramBoard(Session session, Target target, Path knownHosts, HostKeyPrompt hostKeys) {
		this.session = session;
		this.target = target;
		this.knownHosts = knownHosts;
		this.hostKeys = hostKeys;
	}

	/** An observer's session on the booted board, the board {@link #clean() cleaned}: every board test's start. */
	static ZramBoard connect(Board booted, Path knownHosts) throws Exception {
		HostKeyPrompt hostKeys = booted.buildHostKeyPrompt();
		Target target = booted.target();
		ZramBoard board = new ZramBoard(new SshSessions(knownHosts).open(target, hostKeys), target, knownHosts, hostKeys);
		try {
			board.clean();
		} catch (IOException | RuntimeException | Error e) {
			board.disconnect();
			throw e;
		}
		return board;
	}

	Target target() {
		return target;
	}

	/** A deployment as the UI's job makes one: its own sessions, the same known hosts and host-key prompt. */
	ZramDeployment deployment() {
		return new ZramDeployment(new SshSessions(knownHosts), hostKeys);
	}

	void disconnect() {
		session.disconnect();
	}

	String run(String command) throws IOException {
		RemoteCommands.Result r = RemoteCommands.run(session, command, TIMEOUT);
		assertEquals(0, r.exitStatus(), "'" + command + "' failed on the board: " + r.stderr());
		return r.stdout();
	}

	/** Swaps off and resets every zram device and unloads the module: a board as it boots. */
	void clean() throws IOException {
		run("for d in $(grep -o '^/dev/zram[0-9]*' /proc/swaps); do swapoff $d; done; "
				+ "for r in /sys/block/zram*/reset; do [ -e $r ] && echo 1 > $r; done; "
				+ "[ ! -d /sys/module/zram ] || rmmod zram; rm -rf /run/carveout-zram /etc/systemd/zram-generator.conf*; true");
	}

	long memTotalKiB() throws IOException {
		return Long.parseLong(run("grep '^MemTotal:' /proc/meminfo").trim().split("\\s+")[1]);
	}

	/** The zram swaps of /proc/swaps as "device sizeKiB priority". */
	List<String> zramSwaps() throws IOException {
		List<String> swaps = new ArrayList<>();
		for (String line : run("cat /proc/swaps").lines().skip(1).toList()) {
			String[] f = line.trim().split("\\s+");
			if (f[0].startsWith("/dev/zram")) {
				swaps.add(f[0] + " " + f[2] + " " + f[4]);
			}
		}
		return swaps;
	}

	/**
	 * Everything that tells one zram configuration from another, as one comparable text: module loaded, per active
	 * swap its size, priority, selected algorithm, disksize and mem_limit (from mm_stat).
	 */
	String snapshot() throws IOException {
		StringBuilder s = new StringBuilder();
		s.append(run("[ -d /sys/module/zram ] && echo module loaded || echo module absent"));
		for (String swap : zramSwaps()) {
			String dev = swap.split(" ")[0].substring("/dev/".length());
			String sys = "/sys/block/" + dev + "/";
			s.append(swap).append(" algorithm ").append(selected(run("cat " + sys + "comp_algorithm")))
					.append(" disksize ").append(run("cat " + sys + "disksize").trim())
					.append(" mem_limit ").append(run("cat " + sys + "mm_stat").trim().split("\\s+")[3]).append('\n');
		}
		return s.toString();
	}

	static String selected(String compAlgorithm) {
		for (String a : compAlgorithm.trim().split("\\s+")) {
			if (a.startsWith("[")) {
				return a.substring(1, a.length() - 1);
			}
		}
		return "";
	}
}
