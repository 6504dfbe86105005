package dev.carveout.target.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.jcraft.jsch.Session;

import dev.carveout.target.RemoteCommands;
import dev.carveout.target.SshSessions;
import dev.carveout.target.tests.BootedBoard;
import dev.carveout.target.tests.BootedBoard.Board;
import dev.carveout.target.ui.zram.DeployZramConfigJob;
import dev.carveout.zram.ConfigFile;
import dev.carveout.zram.ZramConfigParser;

/**
 * The job "Deploy zram config to target" schedules, run on the booted arm64 board with the plan confirmation
 * switched off by its preference: the board ends with the swap the file describes, as its own shell reports
 * it (/proc/swaps, the device's selected algorithm and disksize).
 */
@ExtendWith(BootedBoard.class)
class BoardZramDeployTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);
	private static final String CONFIG = """
			[zram0]
			zram-size = 24
			compression-algorithm = lzo
			swap-priority = 42
			""";
	private static final String CLEAN = "for d in $(grep -o '^/dev/zram[0-9]*' /proc/swaps); do swapoff $d; done; "
			+ "for r in /sys/block/zram*/reset; do [ -e $r ] && echo 1 > $r; done; "
			+ "[ ! -d /sys/module/zram ] || rmmod zram; rm -rf /run/carveout-zram; true";

	@TempDir
	Path tmp;

	@Test
	void theDeployJobGivesTheBoardTheSwapOfTheFile(Board board) throws Exception {
		SshSessions sessions = new SshSessions(tmp.resolve("known_hosts"));
		Session shell = sessions.open(board.target(), board.buildHostKeyPrompt());
		IEclipsePreferences prefs = InstanceScope.INSTANCE.getNode("dev.carveout.target.ui");
		try {
			run(shell, CLEAN);
			prefs.putBoolean(DeployZramConfigJob.SKIP_PLAN_CONFIRMATION, true);
			DeployZramConfigJob job = new DeployZramConfigJob(board.target(), "board.zram.conf",
					List.of(new ConfigFile(ZramConfigParser.MAIN_FILE, CONFIG)), sessions,
					board.buildHostKeyPrompt());
			job.schedule();
			long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
			while (job.getResult() == null) {
				if (System.nanoTime() > deadline) {
					fail("the deployment did not finish in 3 minutes");
				}
				if (!Display.getCurrent().readAndDispatch()) {
					Thread.sleep(10);
				}
			}
			assertTrue(job.getResult().getSeverity() <= IStatus.INFO, job.getResult().toString());

			String swaps = run(shell, "cat /proc/swaps");
			assertTrue(swaps.lines().anyMatch(l -> l.matches("/dev/zram0\\s+partition\\s+\\d+\\s+\\d+\\s+42")), swaps);
			assertEquals(String.valueOf(24L << 20), run(shell, "cat /sys/block/zram0/disksize").strip());
			assertTrue(run(shell, "cat /sys/block/zram0/comp_algorithm").contains("[lzo]"));
		} finally {
			prefs.remove(DeployZramConfigJob.SKIP_PLAN_CONFIRMATION);
			run(shell, CLEAN);
			shell.disconnect();
		}
	}

	private static String run(Session session, String command) throws IOException {
		RemoteCommands.Result result = RemoteCommands.run(session, command, TIMEOUT);
		assertEquals(0, result.exitStatus(), "'" + command + "' failed on the board: " + result.stderr());
		return result.stdout();
	}
}
