package dev.carveout.target.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.jcraft.jsch.Session;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.CheckSettings;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.KernelProfile;
import dev.carveout.memmap.Region;
import dev.carveout.memmap.Severity;
import dev.carveout.memmap.bootlog.BootLogComparison;
import dev.carveout.memmap.bootlog.BootLogEvent;
import dev.carveout.memmap.bootlog.BootLogParser;
import dev.carveout.target.RemoteCommands;
import dev.carveout.target.SshSessions;
import dev.carveout.target.tests.BootedBoard.Board;

/**
 * The booted board, reached through {@link SshSessions} with strict host key checking, against what its device
 * tree declares: the memory map is read from the board's DTS by Carveout's own engine, and the kernel must have
 * done exactly that.
 */
@ExtendWith(BootedBoard.class)
class BootedBoardTest {

	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

	private static Path knownHosts;
	private static Session session;
	private static final List<String> asked = new ArrayList<>();
	private static CheckResult dts;

	@BeforeAll
	static void connectAndReadTheDts(Board board, @TempDir Path tmp) throws Exception {
		knownHosts = tmp.resolve("known_hosts");
		var buildKey = board.buildHostKeyPrompt();
		session = new SshSessions(knownHosts).open(board.target(), (host, type, fingerprint) -> {
			asked.add(host + " " + type + " " + fingerprint);
			return buildKey.trustNewHostKey(host, type, fingerprint);
		});
		dts = new BoardChecker(CheckSettings.defaults()).check(board.dts(), SourceOverlay.NONE);
	}

	@AfterAll
	static void disconnect() {
		if (session != null) {
			session.disconnect();
		}
	}

	@Test
	void theBoardsHostKeyIsTheOneTheBuildGeneratedAndIsRememberedAfterFirstUse(Board board) throws Exception {
		assertEquals(List.of(board.target().knownHostsName() + " " + board.hostKeyType() + " " + board.hostKeyFingerprint()),
				asked, "the first connection must ask once, for the key build-board.sh generated");
		Session again = new SshSessions(knownHosts).open(board.target(),
				(host, type, fingerprint) -> fail("asked again for a key already in known_hosts: " + fingerprint));
		try {
			assertEquals("again", run(again, "echo again").trim());
		} finally {
			again.disconnect();
		}
	}

	@Test
	void runsTheKernelTheBuildMade(Board board) throws Exception {
		assertEquals(board.kernelRelease(), run("uname -r").trim());
	}

	@Test
	void theEngineReadsTheBoardDtsWithoutErrors() {
		List<Finding> errors = dts.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
		assertEquals(List.of(), errors, "the board DTS must check clean");
		assertEquals(List.of("tz@50000000", "dsp@50800000", "camera-pool", "linux,cma"),
				regions().stream().map(Region::name).toList(), "the regions this test was written for");
	}

	@Test
	void cmaTotalIsTheSumOfTheDtsCmaPools() throws Exception {
		long declared = regions().stream().filter(Region::isCma).mapToLong(BootedBoardTest::sizeOf).sum();
		Matcher m = Pattern.compile("(?m)^CmaTotal:\\s+(\\d+) kB$").matcher(run("cat /proc/meminfo"));
		assertTrue(m.find(), "no CmaTotal in /proc/meminfo");
		assertEquals(declared / 1024, Long.parseLong(m.group(1)),
				"CmaTotal (kB) must be the default CMA pool plus the reusable pool of the DTS");
	}

	@Test
	void theKernelReportsEveryReservedRegionAsTheDtsDeclaresIt(Board board) throws Exception {
		String dmesg = run("dmesg");
		List<BootLogEvent.Region> reported = reservedRegions(dmesg);
		// The serial console (what one captures from a real board's UART) must say the same as dmesg.
		assertEquals(reported.stream().map(BootedBoardTest::withoutLine).toList(),
				reservedRegions(board.console()).stream().map(BootedBoardTest::withoutLine).toList(), "console log and dmesg disagree");
		assertEquals(regions().size(), reported.size(),
				"one 'OF: reserved mem: 0x…' line per /reserved-memory child, got:\n" + reported);
		for (Region region : regions()) {
			List<BootLogEvent.Region> lines = reported.stream().filter(l -> l.name().equals(region.name())).toList();
			assertEquals(1, lines.size(), "lines for " + region.name() + " in " + reported);
			BootLogEvent.Region line = lines.getFirst();
			assertEquals(region.noMap(), line.noMap(), "no-map of " + line);
			assertEquals(region.reusable(), line.reusable(), "reusable of " + line);
			assertEquals(sizeOf(region), line.range().size(), "size of " + line);
			if (region.reg() != null && !region.reg().isEmpty()) {
				assertEquals(region.reg().getFirst().base(), line.range().base(), "a static region stays where reg puts it: " + line);
			} else {
				// A dynamic pool: the kernel picks the base, within alloc-ranges and on the alignment.
				if (region.alignment() != null) {
					assertEquals(0, Long.remainderUnsigned(line.range().base(), region.alignment()), "alignment of " + line);
				}
				if (region.allocRanges() != null) {
					assertTrue(region.allocRanges().stream().anyMatch(r -> r.contains(line.range())),
							line + " must lie within alloc-ranges " + region.allocRanges());
				}
			}
		}
	}

	@Test
	void theBootLogShowsNoDriftAndAChangedSourceShowsExactlyTheChange(Board board) throws Exception {
		List<BootLogEvent> log = BootLogParser.parse(run("dmesg"));
		assertEquals(List.of(), BootLogComparison.compare(dts.memoryMap(), KernelProfile.DEFAULT, log),
				"the booted board against the DTS it booted");

		// The engineer moves the DSP carve-out in the source but has not flashed it yet: that is the drift.
		String source = Files.readString(board.dts());
		String moved = source.replace("0x50800000", "0x51000000").replace("dsp@50800000", "dsp@51000000");
		assertTrue(!moved.equals(source), "the board DTS has the dsp carve-out this test moves");
		CheckResult edited = new BoardChecker(CheckSettings.defaults()).check(board.dts(),
				SourceOverlay.of(Map.of(board.dts().toAbsolutePath().normalize(), moved)));
		List<Finding> drift = BootLogComparison.compare(edited.memoryMap(), KernelProfile.DEFAULT, log);
		assertEquals(2, drift.size(), drift.toString());
		assertTrue(drift.get(0).message().startsWith("not in the boot log: the kernel did not register dsp@51000000"), drift.toString());
		assertTrue(drift.get(1).message().startsWith("extra: the kernel registered dsp@50800000"), drift.toString());
	}

	private static List<BootLogEvent.Region> reservedRegions(String log) {
		return BootLogParser.parse(log).stream().filter(BootLogEvent.Region.class::isInstance).map(BootLogEvent.Region.class::cast)
				.toList();
	}

	/** The same region from two logs: the line numbers differ, nothing else may. */
	private static BootLogEvent.Region withoutLine(BootLogEvent.Region r) {
		return new BootLogEvent.Region(0, r.range(), r.noMap(), r.reusable(), r.name());
	}

	@Test
	void dmaHeapsAreSystemAndTheDefaultCmaPool() throws Exception {
		Region defaultCma = regions().stream().filter(Region::linuxCmaDefault).findFirst()
				.orElseThrow(() -> new AssertionError("the DTS has no linux,cma-default pool"));
		// Linux 6.12 makes a heap for the default CMA area only (named after its node), none for other pools.
		Set<String> heaps = new TreeSet<>(run("ls /dev/dma_heap").lines().map(String::trim).toList());
		assertEquals(new TreeSet<>(Set.of("system", defaultCma.name())), heaps);
	}

	@Test
	void zramSwapComesUpFromTheBuiltModulesAndGoesAwayAgain() throws Exception {
		// util-linux's swapon (dash as root's shell runs it, not busybox's applet, which lacks -p).
		try {
			run("modprobe zram && echo 64M > /sys/block/zram0/disksize && mkswap /dev/zram0 && swapon -p 100 /dev/zram0");
			assertTrue(run("cat /sys/block/zram0/comp_algorithm").contains("zstd"), "zstd backend built in");
			List<String> swaps = run("cat /proc/swaps").lines().skip(1).map(l -> l.trim().split("\\s+")[0] + " "
					+ l.trim().split("\\s+")[4]).toList();
			assertEquals(List.of("/dev/zram0 100"), swaps, "device and priority in /proc/swaps");
		} finally {
			run("swapoff /dev/zram0 2>/dev/null; echo 1 > /sys/block/zram0/reset; rmmod zram");
		}
		assertEquals("", run("lsmod | grep '^zram ' || true"), "zram unloaded");
	}

	private static List<Region> regions() {
		return dts.memoryMap().regions();
	}

	/** reg's size for a static region, size for a dynamic one. */
	private static long sizeOf(Region region) {
		return region.reg() != null && !region.reg().isEmpty() ? region.reg().getFirst().size() : region.size();
	}

	private static String run(String command) throws IOException {
		return run(session, command);
	}

	private static String run(Session on, String command) throws IOException {
		RemoteCommands.Result result = RemoteCommands.run(on, command, COMMAND_TIMEOUT);
		assertEquals(0, result.exitStatus(), "'" + command + "' failed: " + result.stderr());
		return result.stdout();
	}
}
