package dev.carveout.target.tests.zram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;


import dev.carveout.target.Target;
import dev.carveout.target.tests.BootedBoard;
import dev.carveout.target.tests.BootedBoard.Board;
import dev.carveout.target.zram.DeployEvent;
import dev.carveout.target.zram.DeployResult;
import dev.carveout.target.zram.PlanApproval;
import dev.carveout.zram.ConfigFile;
import dev.carveout.zram.GeneratorVersion;
import dev.carveout.zram.Persistence;
import dev.carveout.zram.PlanRejectedException;
import dev.carveout.zram.ShellQuote;

/**
 * After a persisted deployment the board agrees with itself: the board's own zram-generator (Debian's arm64 1.1.2,
 * which the board image carries unpacked under /opt and this test links into its place) run on the files the
 * deployment left on the board creates exactly what the deployment applied. Generator mode on the board's real root
 * gives the swap units (devices, priority, options), {@code --setup-device} on the board (safe there, unlike on the
 * build machine) the disksize and algorithm, formatted by systemd's own {@code systemd-makefs}. Everything on the
 * board is read with plain shell commands ({@link ZramBoard}).
 */
@ExtendWith(BootedBoard.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ZramGeneratorOnBoardTest {

	/** Where systemd looks for it, and where the board image keeps Debian's package unpacked. */
	static final String GENERATOR = "/usr/lib/systemd/system-generators/zram-generator";
	static final String UNPACKED = "/opt/systemd-zram-generator/lib/systemd/system-generators/zram-generator";
	static final String UNITS = "/tmp/zram-generator-units";

	/**
	 * A BSP layer's configuration set: the SoC's defaults as the image's main file, the board's drop-in over them
	 * (zram0 changed, zram2 added); zram1 is not created on a board above 256 MiB (the 512 MiB test board).
	 */
	static final List<ConfigFile> SET = List.of(new ConfigFile("/usr/lib/systemd/zram-generator.conf", """
			# the SoC's defaults
			[zram0]
			zram-size = min(ram / 2, 4096)
			compression-algorithm = lzo
			swap-priority = 20

			[zram1]
			zram-size = 16
			host-memory-limit = 256
			"""), new ConfigFile("/etc/systemd/zram-generator.conf.d/50-board.conf", """
			# this board: a quarter of its RAM in zstd, and a small lz4 device
			[zram0]
			zram-size = ram / 4
			compression-algorithm = zstd
			options = discard,nofail

			[zram2]
			zram-size = 24
			compression-algorithm = lz4
			swap-priority = 7
			options =
			"""));

	/** The deployment's swapon: options as ShellQuote writes them, bare when plain (the test's options are). */
	private static final Pattern SWAPON = Pattern.compile("swapon -p (-?[0-9]+)(?: -o ([^ ']+))? (/dev/zram[0-9]+)");

	private static ZramBoard board;
	private static Target target;

	@BeforeAll
	static void connect(Board booted, @TempDir Path tmp) throws Exception {
		board = ZramBoard.connect(booted, tmp.resolve("known_hosts"));
		target = board.target();
		// Installed as Debian installs it: the deployment's probe finds it there and asks its version.
		board.run("mkdir -p " + GENERATOR.substring(0, GENERATOR.lastIndexOf('/')) + " && ln -sfn " + UNPACKED + " " + GENERATOR);
	}

	@AfterAll
	static void cleanUp() throws Exception {
		if (board != null) {
			board.clean();
			// The other board tests deploy to a board without a generator.
			board.run("rm -rf " + GENERATOR + " " + UNITS + " /usr/lib/systemd/zram-generator.conf.d");
			board.disconnect();
		}
	}

	@Test
	@Order(1)
	void afterAPersistedDeploymentTheBoardsOwnZramGeneratorCreatesWhatTheDeploymentApplied() throws Exception {
		String version = board.run(GENERATOR + " --version").strip();
		assertEquals("zram-generator 1.1.2", version, "Debian bookworm's package");

		List<DeployEvent> events = new ArrayList<>();
		DeployResult result = board.deployment().deploy(target, SET,
				Persistence.SYSTEMD, PlanApproval.ALWAYS, () -> false, events::add);
		assertEquals(DeployResult.Outcome.APPLIED, result.outcome(), result.log());
		assertEquals(GeneratorVersion.V1_1_2, result.plan().board().generatorVersion(),
				"the deployment used the semantics of the board's generator: " + result.plan().board().generator());
		String applied = board.snapshot();
		Map<String, String> appliedSwaps = swapons(events);
		assertEquals(List.of("/dev/zram0", "/dev/zram2"), List.copyOf(appliedSwaps.keySet()), "zram1 is over its limit");

		// The board as it boots: no zram at all, only the files the deployment left.
		board.run("for d in $(grep -o '^/dev/zram[0-9]*' /proc/swaps); do swapoff $d; done; "
				+ "for r in /sys/block/zram*/reset; do echo 1 > $r; done; rmmod zram; rm -rf /run/carveout-zram");
		assertEquals("module absent\n", board.snapshot());

		// Generator mode on the board's real root (its /etc, /usr/lib, /run, /proc): units, and the devices created.
		Map<String, String> units = generatorUnits();
		assertEquals(appliedSwaps, units, "the swap units boot starts: devices, priority, options");

		// What each unit's systemd-zram-setup@zramN.service runs, then what systemd's swap unit runs (swapon with its
		// priority and options): the board has no systemd to do it.
		for (Map.Entry<String, String> unit : units.entrySet()) {
			String device = unit.getKey().substring("/dev/".length());
			board.run(GENERATOR + " --setup-device " + device);
			String[] priorityOptions = unit.getValue().split(" ", 2);
			board.run("swapon -p " + priorityOptions[0]
					+ (priorityOptions[1].isEmpty() ? "" : " -o " + ShellQuote.quote(priorityOptions[1])) + " " + unit.getKey());
		}
		assertEquals(applied, board.snapshot(), "disksize, algorithm, size, priority and limit as deployed");
		assertFalse(applied.contains("zram1"), applied);
		assertTrue(applied.contains("/dev/zram0") && applied.contains("algorithm zstd"), applied);
	}

	@Test
	@Order(2)
	void aVendorDropInThatWouldChangeTheSwapsAtBootIsNamedAndNothingIsPersisted() throws Exception {
		String vendor = "/usr/lib/systemd/zram-generator.conf.d/90-vendor.conf";
		board.run("mkdir -p " + vendor.substring(0, vendor.lastIndexOf('/')) + " && printf '[zram0]\\nswap-priority = 90\\n' > " + vendor);
		String persisted = board.run("cat " + Persistence.SYSTEMD.file());
		String before = board.snapshot();
		// The board's own generator says what the next boot would bring: zram0 at priority 90, not the 20 deployed.
		Map<String, String> atBoot = new TreeMap<>();
		generatorUnits().forEach((device, unit) -> atBoot.put(device, unit.split(" ")[0]));
		assertEquals("90", atBoot.get("/dev/zram0"), atBoot.toString());
		assertNotEquals(swapPriorities(before), atBoot);

		PlanRejectedException e = assertThrows(PlanRejectedException.class,
				() -> board.deployment().deploy(target, SET, Persistence.SYSTEMD,
						PlanApproval.ALWAYS, () -> false, ev -> {
						}));
		assertTrue(e.getMessage().contains("persisting would not survive a reboot") && e.getMessage().contains(vendor),
				e.getMessage());
		assertEquals(before, board.snapshot(), "nothing changed");
		assertEquals(persisted, board.run("cat " + Persistence.SYSTEMD.file()));
		board.run("rm -f " + vendor);
	}

	/** Generator mode on the board's own files: device → "priority options" of the swap units boot would start. */
	private static Map<String, String> generatorUnits() throws Exception {
		board.run("rm -rf " + UNITS + " && mkdir " + UNITS + " && " + GENERATOR + " " + UNITS + " " + UNITS + " " + UNITS);
		Map<String, String> units = new TreeMap<>();
		for (String wanted : board.run("ls " + UNITS + "/swap.target.wants").split("\\s+")) {
			if (!wanted.isEmpty()) {
				Map<String, String> keys = unitKeys(board.run("cat " + UNITS + "/" + wanted));
				units.put(keys.get("What"), keys.get("Priority") + " " + keys.get("Options"));
			}
		}
		return units;
	}

	/** Device → priority of the zram swaps in a {@link ZramBoard#snapshot()}. */
	private static Map<String, String> swapPriorities(String snapshot) {
		Map<String, String> swaps = new TreeMap<>();
		for (String line : snapshot.lines().skip(1).toList()) {
			String[] f = line.split(" ");
			swaps.put(f[0], f[2]);
		}
		return swaps;
	}

	/** Device → "priority options" of the deployment's swapon commands, as the board ran them. */
	private static Map<String, String> swapons(List<DeployEvent> events) {
		Map<String, String> swaps = new TreeMap<>();
		for (DeployEvent e : events) {
			if (e instanceof DeployEvent.Command c) {
				Matcher m = SWAPON.matcher(c.command());
				if (m.find()) {
					swaps.put(m.group(3), m.group(1) + " " + (m.group(2) == null ? "" : m.group(2)));
				}
			}
		}
		return swaps;
	}

	/** The key=value lines of a systemd unit. */
	private static Map<String, String> unitKeys(String unit) {
		Map<String, String> keys = new TreeMap<>();
		for (String line : unit.split("\n")) {
			int eq = line.indexOf('=');
			if (eq > 0 && !line.startsWith("#")) {
				keys.put(line.substring(0, eq), line.substring(eq + 1));
			}
		}
		return keys;
	}
}
