package dev.carveout.target.tests.zram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.jcraft.jsch.Session;

import dev.carveout.target.Target;
import dev.carveout.target.tests.BootedBoard;
import dev.carveout.target.tests.BootedBoard.Board;
import dev.carveout.target.zram.ConnectionLostException;
import dev.carveout.target.zram.DeployEvent;
import dev.carveout.target.zram.DeployResult;
import dev.carveout.target.zram.PlanApproval;
import dev.carveout.target.zram.ZramDeployment;
import dev.carveout.zram.BoardStateProbe;
import dev.carveout.zram.Persistence;
import dev.carveout.zram.PlanRejectedException;
import dev.carveout.zram.ZramConfigParser;

/**
 * "Deploy zram config to target" on the booted board, through {@link ZramDeployment} (what the UI's job runs), each
 * result checked from a separate SSH session with plain shell commands ({@link ZramBoard}). The tests build on each
 * other's board state, hence the order.
 */
@ExtendWith(BootedBoard.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ZramDeployTest {

	/** 1/8 of the RAM, lz4 with zstd as recompression, priority 50, a resident limit. */
	static final String CONFIG_A = """
			# the board's swap, as the BSP ships it
			[zram0]
			zram-size = ram / 8
			compression-algorithm = lz4 zstd(level=3)
			swap-priority = 50
			zram-resident-limit = 16
			""";

	/** Two devices: zram1 needs hot_add. */
	static final String CONFIG_B = """
			[zram0]
			zram-size = min(ram / 4, 96)
			compression-algorithm = zstd
			swap-priority = 10

			[zram1]
			zram-size = 24
			compression-algorithm = lzo
			swap-priority = 5
			""";

	private static ZramBoard board;
	private static Target target;

	@BeforeAll
	static void connect(Board booted, @TempDir Path tmp) throws Exception {
		board = ZramBoard.connect(booted, tmp.resolve("known_hosts"));
		target = board.target();
	}

	@AfterAll
	static void cleanUp() throws Exception {
		if (board != null) {
			board.clean();
			board.disconnect();
		}
	}

	private static DeployResult deploy(String config, List<DeployEvent> events) throws Exception {
		return deploy(config, Persistence.NONE, events);
	}

	private static DeployResult deploy(String config, Persistence persistence, List<DeployEvent> events) throws Exception {
		return board.deployment().deploy(target, config, persistence,
				PlanApproval.ALWAYS, () -> false, events::add);
	}

	private static List<String> commands(List<DeployEvent> events) {
		return events.stream().filter(DeployEvent.Command.class::isInstance).map(e -> ((DeployEvent.Command) e).command())
				.toList();
	}

	/** zram-generator's arithmetic, done here by hand: whole MiB of MemTotal / 8, in bytes, up to a whole page. */
	private static long expectedDisksizeA() throws Exception {
		long bytes = (long) (board.memTotalKiB() / 1024 / 8.0 * 1024 * 1024);
		return (bytes + 4095) / 4096 * 4096;
	}

	private static String snapshotA() throws Exception {
		long disksize = expectedDisksizeA();
		// /proc/swaps counts KiB without the swap header's page.
		return "module loaded\n/dev/zram0 " + (disksize / 1024 - 4) + " 50 algorithm lz4 disksize " + disksize
				+ " mem_limit " + 16 * 1024 * 1024 + "\n";
	}

	private static String snapshotB() throws Exception {
		long zram0 = (long) (Math.min(board.memTotalKiB() / 1024 / 4.0, 96) * 1024 * 1024);
		zram0 = (zram0 + 4095) / 4096 * 4096;
		long zram1 = 24L * 1024 * 1024;
		return "module loaded\n/dev/zram0 " + (zram0 / 1024 - 4) + " 10 algorithm zstd disksize " + zram0 + " mem_limit 0\n"
				+ "/dev/zram1 " + (zram1 / 1024 - 4) + " 5 algorithm lzo disksize " + zram1 + " mem_limit 0\n";
	}

	@Test
	@Order(1)
	void anAlgorithmTheKernelRefusesFailsOnTheBoardWhichKeepsItsStateAndSaysWhy() throws Exception {
		String before = board.snapshot();
		assertEquals("module absent\n", before, "a clean board to start from");
		// Without the module loaded the board's algorithm list is unknown: the kernel itself must refuse deflate.
		List<DeployEvent> events = new ArrayList<>();
		DeployResult result = deploy("[zram0]\nzram-size = 32\ncompression-algorithm = deflate\n", events);
		assertEquals(DeployResult.Outcome.ROLLED_BACK, result.outcome(), result.log());
		assertEquals("zram0: compression algorithm deflate", result.failedStep());
		assertTrue(result.boardError().contains("Invalid argument"), "the board's own error: " + result.boardError());
		assertTrue(events.contains(new DeployEvent.RollingBack()), events.toString());
		assertEquals(before, board.snapshot(), "the module is unloaded again, nothing is left behind");
	}

	@Test
	@Order(2)
	void deployedSwapIsSeenByASeparateSessionWithTheRightSizeAlgorithmAndPriority() throws Exception {
		List<DeployEvent> events = new ArrayList<>();
		DeployResult result = deploy(CONFIG_A, events);
		assertEquals(DeployResult.Outcome.APPLIED, result.outcome(), result.log());
		assertEquals(snapshotA(), board.snapshot());
		assertEquals("zstd", ZramBoard.selected(board.run("cat /sys/block/zram0/recomp_algorithm")));
		// The engineer saw every command the board ran, in the kernel's order (after the read-only probe).
		List<String> all = commands(events);
		assertEquals(BoardStateProbe.COMMAND, all.getFirst());
		List<String> commands = all.subList(1, all.size());
		// zstd recompresses here, so its parameters follow its recomp_algorithm (the kernel looks algo= up among the
		// algorithms already set); ZramPlannerTest has a primary algorithm's parameters before recomp_algorithm.
		List<String> order = List.of("modprobe zram", "comp_algorithm", "recomp_algorithm", "algorithm_params",
				"disksize", "mem_limit", "mkswap", "swapon -p 50");
		int last = -1;
		for (String expected : order) {
			int at = indexOfFirst(commands, expected);
			assertTrue(at > last, expected + " must come after " + commands.get(Math.max(last, 0)) + " in " + commands);
			last = at;
		}
	}

	private static int indexOfFirst(List<String> commands, String part) {
		for (int i = 0; i < commands.size(); i++) {
			if (commands.get(i).contains(part)) {
				return i;
			}
		}
		return -1;
	}

	@Test
	@Order(3)
	void deployingTheSameConfigAgainRunsNothingButTheReadOnlyProbe() throws Exception {
		String before = board.snapshot();
		String swaps = board.run("cat /proc/swaps");
		List<DeployEvent> events = new ArrayList<>();
		DeployResult result = deploy(CONFIG_A, events);
		assertEquals(DeployResult.Outcome.UNCHANGED, result.outcome());
		assertEquals(List.of(BoardStateProbe.COMMAND), commands(events), "only the state was read");
		assertEquals(before, board.snapshot());
		assertEquals(swaps, board.run("cat /proc/swaps"));
	}

	@Test
	@Order(4)
	void anAlgorithmTheBoardDoesNotListIsRefusedBeforeAnythingChanges() throws Exception {
		String before = board.snapshot();
		List<DeployEvent> events = new ArrayList<>();
		PlanRejectedException e = assertThrows(PlanRejectedException.class,
				() -> deploy("[zram0]\ncompression-algorithm = deflate\n", events));
		assertTrue(e.getMessage().contains("2:25: error: compression algorithm 'deflate' is not available on this board "
				+ "(its comp_algorithm lists 842 lz4 lz4hc lzo lzo-rle zstd)"), e.getMessage());
		assertEquals(List.of(BoardStateProbe.COMMAND), commands(events));
		assertEquals(before, board.snapshot());
	}

	@Test
	@Order(5)
	void aStepTheKernelRefusesRollsBackToThePreviousConfigAndReportsTheBoardsError() throws Exception {
		assertEquals(snapshotA(), board.snapshot());
		// Far more than the board can index: the kernel refuses disksize with ENOMEM after the old swap is gone.
		DeployResult result = deploy("[zram0]\nzram-size = ram * 10000\ncompression-algorithm = zstd\n", new ArrayList<>());
		assertEquals(DeployResult.Outcome.ROLLED_BACK, result.outcome(), result.log());
		assertEquals("zram0: size", result.failedStep());
		assertTrue(result.boardError().contains("Cannot allocate memory"), result.boardError());
		assertTrue(result.summary().contains("The previous zram state was restored"), result.summary());
		assertEquals(snapshotA(), board.snapshot(), "config A is back");
	}

	@Test
	@Order(6)
	void aDifferentConfigReplacesTheOldOneCleanly() throws Exception {
		DeployResult toB = deploy(CONFIG_B, new ArrayList<>());
		assertEquals(DeployResult.Outcome.APPLIED, toB.outcome(), toB.log());
		assertEquals(snapshotB(), board.snapshot());
		DeployResult backToA = deploy(CONFIG_A, new ArrayList<>());
		assertEquals(DeployResult.Outcome.APPLIED, backToA.outcome(), backToA.log());
		assertEquals(snapshotA(), board.snapshot(), "zram1 is off and reset, zram0 is A again");
		assertEquals("0", board.run("cat /sys/block/zram1/disksize").trim());
	}

	@Test
	@Order(7)
	void cuttingTheConnectionAtEachStepInTurnLeavesTheOldOrTheNewStateNeverAHalfOne() throws Exception {
		List<String> outcomes = new ArrayList<>();
		boolean cutHappened = true;
		for (int cutAt = 1; cutHappened; cutAt++) {
			String old = board.snapshot();
			boolean toB = old.equals(snapshotA());
			String config = toB ? CONFIG_B : CONFIG_A;
			String fresh = toB ? snapshotB() : snapshotA();
			AtomicReference<Session> live = new AtomicReference<>();
			AtomicInteger steps = new AtomicInteger();
			int n = cutAt;
			ZramDeployment deployment = board.deployment().observeSessions(s -> {
				if (live.get() == null) {
					live.set(s);
				}
			});
			String ended;
			try {
				DeployResult result = deployment.deploy(target, config, Persistence.NONE, PlanApproval.ALWAYS, () -> false, e -> {
					if (e instanceof DeployEvent.Step && steps.incrementAndGet() == n) {
						live.get().disconnect();
					}
				});
				ended = result.outcome().name();
			} catch (ConnectionLostException e) {
				assertEquals(null, e.transactionId(), "only a loss before the start may end without an outcome");
				ended = "LOST_BEFORE_START";
			}
			cutHappened = steps.get() >= n;
			String now = board.snapshot();
			if (ended.equals("APPLIED")) {
				assertEquals(fresh, now, "cut at step " + n + ": applied means the new state");
			} else if (ended.equals("LOST_BEFORE_START") || ended.equals("NOT_APPLIED")) {
				assertEquals(old, now, "cut at step " + n + ": not started means the old state");
			} else {
				fail("cut at step " + n + " ended " + ended);
			}
			outcomes.add(n + ":" + ended);
		}
		System.out.println("ZramDeployTest: cut outcomes " + outcomes);
		assertTrue(outcomes.stream().anyMatch(o -> o.endsWith("APPLIED") && !o.endsWith("NOT_APPLIED")), outcomes.toString());
		assertTrue(outcomes.stream().anyMatch(o -> o.endsWith("LOST_BEFORE_START") || o.endsWith("NOT_APPLIED")), outcomes.toString());
		assertTrue(outcomes.size() > 10, "a cut at every step of a whole deployment: " + outcomes);
	}

	@Test
	@Order(8)
	void hostileValuesReachTheBoardAsInertDataOrNotAtAll() throws Exception {
		board.run("rm -f /tmp/PWNED");
		// What zram-generator refuses is refused before any connection; what it accepts is deployed quoted, where the
		// kernel or swapon refuses it as data (rolled back) or ignores it (an unknown algorithm: the kernel's default).
		List<String> refusedOffline = List.of("[zram0]\nzram-size = $(touch /tmp/PWNED)\n",
				"[zram0]\nswap-priority = 5 > /tmp/PWNED\n");
		for (String config : refusedOffline) {
			AtomicInteger sessions = new AtomicInteger();
			List<DeployEvent> events = new ArrayList<>();
			assertThrows(PlanRejectedException.class,
					() -> board.deployment()
							.observeSessions(s -> sessions.incrementAndGet())
							.deploy(target, config, Persistence.NONE, PlanApproval.ALWAYS, () -> false, events::add),
					config);
			assertEquals(0, sessions.get(), "no connection was even opened for " + config);
			assertEquals(List.of(), events);
		}
		List<String> deployedAsData = List.of("[zram0]\ncompression-algorithm = lz4;touch /tmp/PWNED\nzram-size = 8\n",
				"[zram0]\nwriteback-device = /dev/vda`touch /tmp/PWNED`\nzram-size = 8\n",
				"[zram0]\noptions = discard|touch /tmp/PWNED\nzram-size = 8\n",
				"[zram0]\noptions = ';touch /tmp/PWNED;'\nzram-size = 8\n",
				"[zram0]\nfs-type = swap&&touch /tmp/PWNED\n");
		for (String config : deployedAsData) {
			try {
				deploy(config, Persistence.NONE, new ArrayList<>());
			} catch (PlanRejectedException e) {
				// refused once the board was read (a file system): nothing ran
			}
			assertEquals("absent", board.run("[ -e /tmp/PWNED ] && echo present || echo absent").strip(),
					"nothing of " + config + " ran on the board");
		}
	}

	@Test
	@Order(9)
	void persistingWritesZramGeneratorsFileKeepsTheOldOneAndARollbackLeavesItAlone() throws Exception {
		String file = Persistence.SYSTEMD.file();
		board.run("mkdir -p /etc/systemd && printf '[zram0]\\nzram-size = 8\\n' > " + file);
		String original = board.run("cat " + file);
		DeployResult result = deploy(CONFIG_A, Persistence.SYSTEMD, new ArrayList<>());
		assertEquals(DeployResult.Outcome.APPLIED, result.outcome(), result.log());
		assertEquals(snapshotA(), board.snapshot());
		String written = board.run("cat " + file);
		assertTrue(written.endsWith("[zram0]\nzram-size = ram / 8\ncompression-algorithm = lz4 zstd(level=3)\n"
				+ "swap-priority = 50\nzram-resident-limit = 16\noptions = discard\n"), written);
		assertEquals(original, board.run("cat " + file + ".carveout-bak"), "the image's own file is kept");
		assertEquals(List.of(), new ZramConfigParser().parse(written).diagnostics(), "what zram-generator will read is clean");

		DeployResult failed = deploy("[zram0]\nzram-size = ram * 10000\n", Persistence.SYSTEMD, new ArrayList<>());
		assertEquals(DeployResult.Outcome.ROLLED_BACK, failed.outcome(), failed.log());
		assertEquals(written, board.run("cat " + file), "a rolled back deployment leaves the file as it was");
		assertEquals(snapshotA(), board.snapshot());
		assertEquals(DeployResult.Outcome.UNCHANGED, deploy(CONFIG_A, Persistence.SYSTEMD, new ArrayList<>()).outcome());
	}
}
