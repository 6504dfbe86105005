package dev.carveout.target.tests.zram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.carveout.zram.BoardState;
import dev.carveout.zram.BoardStateProbe;
import dev.carveout.zram.ConfigFile;
import dev.carveout.zram.DeploymentPlan;
import dev.carveout.zram.Persistence;
import dev.carveout.zram.PlanRejectedException;
import dev.carveout.zram.PlanStep;
import dev.carveout.zram.TransactionScript;
import dev.carveout.zram.ZramConfigParser;
import dev.carveout.zram.ZramPlanner;

/** Plans from board states in the probe's own output format (as the test board printed them). */
class ZramPlannerTest {

	/** A freshly booted board: zram not loaded, no swap. */
	static final String FRESH = """
			@release 6.12.117-carveout
			@memtotal 501016
			@swap Filename				Type		Size		Used		Priority
			@pagesize
			""";

	/** The board after CONFIG_A of the board test was deployed (attributes trimmed to those that matter). */
	static final String RUNNING_A = """
			@release 6.12.117-carveout
			@memtotal 501016
			@loaded
			@hot_add
			@device zram0
			@attr algorithm_params
			@attr backing_dev
			@attr comp_algorithm
			@attr disksize
			@attr mem_limit
			@attr mm_stat
			@attr recomp_algorithm
			@attr reset
			@comp lzo-rle lzo [lz4] lz4hc zstd 842
			@recomp #1: lzo-rle lzo lz4 lz4hc [zstd] 842
			@disksize 64094208
			@backing none
			@mm_stat     4096       63    20480 16777216    20480        0        0        0        0
			@swap Filename				Type		Size		Used		Priority
			@swap /dev/zram0                              partition	62624		0		50
			@pagesize
			@applied zram0 disksize=64094208 algorithm=lz4 recompression=zstd(level=3) priority=50 mem_limit=16777216 backing=none options=discard
			""";

	private static DeploymentPlan plan(String config, String board) throws PlanRejectedException {
		BoardState state = BoardStateProbe.parse(board);
		return new ZramPlanner().plan(new ZramConfigParser(state.algorithms()).parse(config), state);
	}

	private static List<String> commands(DeploymentPlan plan) {
		return plan.steps().stream().map(PlanStep::toString).toList();
	}

	@Test
	void theProbeOutputIsRead() {
		BoardState state = BoardStateProbe.parse(RUNNING_A);
		assertEquals("6.12.117-carveout", state.kernelRelease());
		assertEquals(501016, state.memTotalKiB());
		assertTrue(state.zramLoaded() && state.hotAdd());
		assertEquals("lz4", state.devices().getFirst().selectedAlgorithm());
		assertEquals(List.of("zstd"), state.devices().getFirst().recompression());
		assertEquals(16777216, state.devices().getFirst().memLimit());
		assertEquals(50, state.swap("/dev/zram0").orElseThrow().priority());
		assertEquals(4096, state.pageSize(), "no getconf on the board: 4096");
	}

	@Test
	void aFreshBoardGetsTheModuleThenEveryAttributeInTheKernelsOrderThenTheChecks() throws Exception {
		DeploymentPlan plan = plan(ZramDeployTest.CONFIG_A, FRESH);
		assertFalse(plan.satisfied());
		assertEquals(List.of(
				"modprobe zram num_devices=1",
				"/bin/echo lz4 > /sys/block/zram0/comp_algorithm",
				"/bin/echo 'algo=zstd priority=1' > /sys/block/zram0/recomp_algorithm   (if /sys/block/zram0/recomp_algorithm exists)",
				"/bin/echo 'algo=zstd level=3' > /sys/block/zram0/algorithm_params   (if /sys/block/zram0/algorithm_params exists)",
				"/bin/echo 64094208 > /sys/block/zram0/disksize",
				"/bin/echo 16777216 > /sys/block/zram0/mem_limit",
				"mkswap /dev/zram0",
				"swapon -p 50 -o discard /dev/zram0",
				"grep -Eq \"^/dev/zram0[[:space:]].*[[:space:]]50\\$\" /proc/swaps",
				"grep -qF -e \"[lz4]\" /sys/block/zram0/comp_algorithm",
				"grep -qF -e \"[zstd]\" /sys/block/zram0/recomp_algorithm   (if /sys/block/zram0/recomp_algorithm exists)",
				"test \"$(cat /sys/block/zram0/disksize)\" = 64094208",
				"set -- $(cat /sys/block/zram0/mm_stat) && test \"$4\" = 16777216",
				"printf '%s\\n' 'zram0 disksize=64094208 algorithm=lz4 recompression=zstd(level=3) priority=50 "
						+ "mem_limit=16777216 backing=none options=discard' > /run/carveout-zram/applied"),
				commands(plan));
		assertTrue(plan.unloadOnRestore(), "a failure unloads the module the deployment loaded");
		assertEquals(List.of("rm -f /run/carveout-zram/applied"), plan.restore().stream().map(PlanStep::command).toList());
	}

	@Test
	void theSameConfigOnABoardThatRunsItIsSatisfied() throws Exception {
		DeploymentPlan plan = plan(ZramDeployTest.CONFIG_A, RUNNING_A);
		assertTrue(plan.satisfied());
		assertEquals(List.of(), plan.steps());
		// What the board cannot show still counts: other algorithm parameters mean a new deployment.
		assertFalse(plan(ZramDeployTest.CONFIG_A.replace("level=3", "level=5"), RUNNING_A).satisfied());
		assertFalse(plan(ZramDeployTest.CONFIG_A.replace("swap-priority = 50", "swap-priority = 51"), RUNNING_A).satisfied());
		assertFalse(plan(ZramDeployTest.CONFIG_A.replace("lz4 zstd(level=3)", "lz4"), RUNNING_A).satisfied());
	}

	@Test
	void aNewConfigFirstTakesTheOldSwapDownAndCanRebuildIt() throws Exception {
		DeploymentPlan plan = plan(ZramDeployTest.CONFIG_B, RUNNING_A);
		List<String> commands = commands(plan);
		assertEquals(List.of("swapoff /dev/zram0", "/bin/echo 1 > /sys/block/zram0/reset",
				"cat /sys/class/zram-control/hot_add", "/bin/echo zstd > /sys/block/zram0/comp_algorithm"),
				commands.subList(0, 4));
		assertTrue(commands.contains("swapon -p 5 -o discard /dev/zram1"), commands.toString());
		assertFalse(plan.unloadOnRestore());
		assertEquals(List.of("/bin/echo lz4 > /sys/block/zram0/comp_algorithm",
				"/bin/echo 'algo=zstd priority=1' > /sys/block/zram0/recomp_algorithm",
				"/bin/echo 64094208 > /sys/block/zram0/disksize", "/bin/echo 16777216 > /sys/block/zram0/mem_limit",
				"mkswap /dev/zram0", "swapon -p 50 /dev/zram0"),
				plan.restore().subList(0, 6).stream().map(PlanStep::command).toList(), "the rollback rebuilds A as the board showed it");
	}

	@Test
	void attributesThisKernelLacksAreLeftOutWithANote() throws Exception {
		String old = RUNNING_A.replace("@attr recomp_algorithm\n", "").replace("@attr algorithm_params\n", "");
		DeploymentPlan plan = plan(ZramDeployTest.CONFIG_A.replace("swap-priority = 50", "swap-priority = 60"), old);
		assertTrue(commands(plan).stream().noneMatch(c -> c.contains("recomp_algorithm") || c.contains("algorithm_params")),
				commands(plan).toString());
		assertEquals(List.of("zram0: this kernel has no recomp_algorithm, so 'algo=zstd priority=1' is not applied",
				"zram0: this kernel has no algorithm_params, so 'algo=zstd level=3' is not applied"), plan.notes());
	}

	@Test
	void devicesTheConfigDiscardsAndDevicesItCannotHave() throws Exception {
		DeploymentPlan limited = plan("[zram0]\nhost-memory-limit = 256\n[zram1]\nzram-size = 0\n", FRESH);
		assertEquals(List.of(), limited.targets());
		assertEquals(List.of("zram0 is not created: MemTotal 489 MiB is above host-memory-limit 256 MiB",
				"zram1 is not created: zram-size = 0 is 0 on this board (ram = 489)"), limited.notes());
		PlanRejectedException fs = assertThrows(PlanRejectedException.class,
				() -> plan("[zram0]\nmount-point = /var/compressed\n", FRESH));
		assertEquals("1:1: error: zram0 is a file system (fs-type ext2, mount-point /var/compressed): Carveout deploys zram swap only",
				fs.getMessage());
		PlanRejectedException negative = assertThrows(PlanRejectedException.class,
				() -> plan("[zram0]\nzram-size = 100 - ram\n", FRESH));
		assertEquals("1:1: error: zram0: zram-size=-389.0 < 0 (zram-size = 100 - ram, ram = 489)", negative.getMessage(),
				"zram-generator's own reason: MemTotal 501016 kB is 489 whole MiB");
		PlanRejectedException mounted = assertThrows(PlanRejectedException.class, () -> plan("[zram0]\n",
				RUNNING_A.replace("@swap /dev/zram0 ", "@other ") + "@mount /dev/zram0\n"));
		assertTrue(mounted.getMessage().contains("zram0 on the board is mounted as a file system"), mounted.getMessage());
	}

	@Test
	void theTransactionScriptRunsEveryStepAndRollsBackOnAnyFailure() throws Exception {
		DeploymentPlan plan = plan(ZramDeployTest.CONFIG_B, RUNNING_A);
		String script = TransactionScript.render(plan, "tx-1");
		for (int n = 1; n <= plan.steps().size(); n++) {
			assertTrue(script.contains("[ $rc -eq 0 ] || fail " + n + "\n"), "step " + n + " can fail the transaction");
		}
		assertTrue(script.contains("exec >\"$T.log\" 2>&1 </dev/null\ntrap \"\" HUP\n"), "detached from the session");
		assertTrue(script.indexOf("status done") > script.lastIndexOf("fail " + plan.steps().size()), "done only after the last check");
		assertThrows(IllegalArgumentException.class, () -> TransactionScript.render(plan, "tx;reboot"));
	}

	@Test
	void aPrimaryAlgorithmsParametersComeBeforeTheRecompressionAlgorithms() throws Exception {
		List<String> commands = commands(plan("[zram0]\nzram-size = 32\ncompression-algorithm = zstd(level=5) lz4\n", RUNNING_A));
		assertEquals(List.of("/bin/echo zstd > /sys/block/zram0/comp_algorithm",
				"/bin/echo 'algo=zstd level=5' > /sys/block/zram0/algorithm_params",
				"/bin/echo 'algo=lz4 priority=1' > /sys/block/zram0/recomp_algorithm",
				"/bin/echo 33554432 > /sys/block/zram0/disksize"), commands.subList(2, 6));
	}

	@Test
	void persistenceBacksUpFirstWritesLastAndTheRollbackRestoresTheFile() throws Exception {
		BoardState state = BoardStateProbe.parse(RUNNING_A);
		DeploymentPlan plan = new ZramPlanner().plan(new ZramConfigParser().parse(ZramDeployTest.CONFIG_A), state,
				Persistence.SYSTEMD);
		assertFalse(plan.satisfied(), "the board runs A but has not persisted it");
		List<String> commands = commands(plan);
		assertEquals("mkdir -p /etc/systemd && rm -f /etc/systemd/zram-generator.conf.carveout-bak /etc/systemd/zram-generator.conf.carveout-bak.absent"
				+ " && if [ -e /etc/systemd/zram-generator.conf ]; then cp -p /etc/systemd/zram-generator.conf "
				+ "/etc/systemd/zram-generator.conf.carveout-bak.tmp && mv /etc/systemd/zram-generator.conf.carveout-bak.tmp "
				+ "/etc/systemd/zram-generator.conf.carveout-bak; else touch /etc/systemd/zram-generator.conf.carveout-bak.absent; fi",
				commands.getFirst());
		assertTrue(commands.get(commands.size() - 2).startsWith("mkdir -p /etc/systemd && printf '%s\\n' '# Written by Carveout"),
				commands.get(commands.size() - 2));
		assertTrue(commands.getLast().endsWith(" persist=/etc/systemd/zram-generator.conf > /run/carveout-zram/applied"));
		assertEquals("if [ -e /etc/systemd/zram-generator.conf.carveout-bak ]; then cp -p /etc/systemd/zram-generator.conf.carveout-bak "
				+ "/etc/systemd/zram-generator.conf; elif [ -e /etc/systemd/zram-generator.conf.carveout-bak.absent ]; then rm -f "
				+ "/etc/systemd/zram-generator.conf; fi", plan.restore().getFirst().command());
	}

	/** A vendor's drop-in on the board that zram-generator merges after /etc's main file at every boot. */
	static final String VENDOR_DROP_IN = """
			@conffile /usr/lib/systemd/zram-generator.conf.d/90-vendor.conf
			@confline # the vendor's tuning
			@confline [zram0]
			@confline swap-priority = 90
			""";

	private static DeploymentPlan persisted(String config, String board) throws PlanRejectedException {
		BoardState state = BoardStateProbe.parse(board);
		return new ZramPlanner().plan(new ZramConfigParser(state.algorithms()).parse(config), state, Persistence.SYSTEMD);
	}

	@Test
	void theProbeReadsTheBoardsZramGeneratorFilesLineForLine() {
		BoardState state = BoardStateProbe.parse(FRESH + """
				@conffile /etc/systemd/zram-generator.conf
				@confline [zram0]
				@confline\s
				@confline   zram-size = ram / 2 \\ x
				@conffile /run/systemd/zram-generator.conf.d/masked.conf
				""");
		assertEquals(List.of(new ConfigFile("/etc/systemd/zram-generator.conf", "[zram0]\n\n  zram-size = ram / 2 \\ x\n"),
				new ConfigFile("/run/systemd/zram-generator.conf.d/masked.conf", "")), state.configFiles());
		assertEquals(List.of(), BoardStateProbe.parse(FRESH).configFiles());
	}

	@Test
	void aBoardFileThatWouldChangeTheDevicesAtTheNextBootRefusesToPersist() throws Exception {
		PlanRejectedException e = assertThrows(PlanRejectedException.class,
				() -> persisted(ZramDeployTest.CONFIG_A, FRESH + VENDOR_DROP_IN));
		assertTrue(e.getMessage().startsWith("1:1: error: persisting would not survive a reboot: zram-generator at boot reads "
				+ "/etc/systemd/zram-generator.conf and the board's /usr/lib/systemd/zram-generator.conf.d/90-vendor.conf"),
				e.getMessage());
		assertTrue(e.getMessage().contains("priority 90") && e.getMessage().contains("priority 50"), e.getMessage());
		// Not persisted, the board's files do not matter: the running board gets what was asked.
		assertEquals(1, plan(ZramDeployTest.CONFIG_A, FRESH + VENDOR_DROP_IN).targets().size());
		// A board file that breaks zram-generator at boot is a disagreement too.
		PlanRejectedException broken = assertThrows(PlanRejectedException.class, () -> persisted(ZramDeployTest.CONFIG_A,
				FRESH + "@conffile /etc/systemd/zram-generator.conf.d/10-old.conf\n@confline [zram0]\n@confline swap-priority = 5x\n"));
		assertTrue(broken.getMessage().contains("nothing (zram-generator fails: /etc/systemd/zram-generator.conf.d/10-old.conf:2:"),
				broken.getMessage());
	}

	@Test
	void boardFilesThatChangeNothingAtTheNextBootDoNotStopPersistence() throws Exception {
		String board = FRESH + """
				@conffile /etc/systemd/zram-generator.conf
				@confline [zram0]
				@confline zram-size = 8
				@conffile /etc/systemd/zram-generator.conf.d/20-same.conf
				@confline [zram0]
				@confline swap-priority = 50
				@conffile /usr/lib/systemd/zram-generator.conf.d/30-other.conf
				@confline [zram5]
				@confline host-memory-limit = 256
				@conffile /etc/systemd/zram-generator.conf.carveout-bak
				@confline [zram3]
				""";
		// The old main file is the one persistence replaces; the drop-ins agree or create nothing on this board.
		assertFalse(persisted(ZramDeployTest.CONFIG_A, board).steps().isEmpty());
	}
}
