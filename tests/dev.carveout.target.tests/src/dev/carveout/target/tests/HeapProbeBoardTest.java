package dev.carveout.target.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import dev.carveout.memmap.bootlog.BootLogComparison;
import dev.carveout.target.RemoteCommands;
import dev.carveout.target.SshSessions;
import dev.carveout.target.heaps.BoardState;
import dev.carveout.target.heaps.ChecksumMismatchException;
import dev.carveout.target.heaps.HeapComparison;
import dev.carveout.target.heaps.HeapProbe;
import dev.carveout.target.heaps.HeapReport;
import dev.carveout.target.heaps.ProbeBinary;
import dev.carveout.target.heaps.ProbeUpload;
import dev.carveout.target.tests.BootedBoard.Board;

/**
 * The heap probe on the booted board: what it reports must be what the kernel says through other means, read in a
 * separate SSH session with the board's own tools; and the comparison with the DTS must find no drift for the
 * source the board booted, and exactly the drift of a deliberately changed source.
 */
@ExtendWith(BootedBoard.class)
class HeapProbeBoardTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static Session probing;
	private static Session checking;
	private static HeapReport report;
	private static BoardState state;
	private static final List<String> steps = new ArrayList<>();

	@BeforeAll
	static void probe(Board board, @TempDir Path tmp) throws Exception {
		Path knownHosts = tmp.resolve("known_hosts");
		checking = new SshSessions(knownHosts).open(board.target(), board.buildHostKeyPrompt());
		long t0 = System.nanoTime();
		// As the Heaps view's job does: a connection the board's dropbear drops is probed again on a fresh one.
		report = HeapProbe.run(() -> new SshSessions(knownHosts).open(board.target(), board.buildHostKeyPrompt()), opened -> {
			if (probing != null) {
				probing.disconnect();
			}
			probing = opened;
		}, HeapProbe.DEFAULT_MAX_SIZE, steps::add);
		System.out.printf("HeapProbeBoardTest: probe uploaded, checked and run in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
		state = BoardState.read(probing);
	}

	@AfterAll
	static void disconnect() {
		for (Session s : new Session[] { probing, checking }) {
			if (s != null) {
				s.disconnect();
			}
		}
	}

	@Test
	void reportsTheKernelAndMachineUnameReports() throws Exception {
		assertEquals(run("uname -r").strip(), report.kernelRelease());
		assertEquals(run("uname -m").strip(), report.machine());
		// The steps of the run that reported (after a dropped connection, if the board's dropbear dropped one).
		List<String> last = steps.subList(steps.lastIndexOf("The board dropped the connection; probing again on a new one") + 1, steps.size());
		assertEquals(List.of("Reading the board's architecture", "Uploading the aarch64 heap probe",
				"Checking the upload's SHA-256", "Allocating from each DMA-BUF heap"), last);
	}

	@Test
	void heapNamesAreTheEntriesOfDevDmaHeap() throws Exception {
		assertEquals(run("ls /dev/dma_heap").lines().map(String::strip).sorted().toList(), report.heapNames());
	}

	@Test
	void cmaTotalAndFreeAreProcMeminfos() throws Exception {
		String meminfo = run("cat /proc/meminfo");
		assertEquals(meminfoKib(meminfo, "CmaTotal"), report.cmaTotalKib());
		// CmaFree moves with every allocation; the probe read it before its ladder, when nothing of ours was held.
		assertTrue(report.cmaFreeKib() <= report.cmaTotalKib(), "CmaFree " + report.cmaFreeKib());
	}

	@Test
	void cmaAreasAreTheKernelsAreasWithTheirSizes() throws Exception {
		assertEquals(run("ls /sys/kernel/mm/cma").lines().map(String::strip).sorted().toList(),
				report.cmaAreas().stream().map(HeapReport.CmaArea::name).toList());
		long pages = 0;
		for (HeapReport.CmaArea area : report.cmaAreas()) {
			long count = Long.parseLong(run("cat '/sys/kernel/debug/cma/" + area.name() + "/count'").strip());
			assertEquals(count, area.pages().orElseThrow(), "pages of " + area.name());
			pages += count;
		}
		assertEquals(report.cmaTotalKib() * 1024, pages * report.pageSize(), "the areas add up to CmaTotal");
	}

	@Test
	void everyHeapAllocatesWritesAndReadsBackSmallBuffers() {
		assertTrue(report.heaps().size() >= 2, "heaps " + report.heapNames());
		for (HeapReport.Heap heap : report.heaps()) {
			List<HeapReport.Allocation> small = heap.allocations().stream().filter(a -> a.size() <= 1 << 20).toList();
			assertEquals(List.of(4096L, 65536L, 1048576L), small.stream().map(HeapReport.Allocation::size).toList(), heap.name());
			for (HeapReport.Allocation a : small) {
				assertTrue(a.ok(), heap.name() + " " + a);
				assertTrue(a.allocNs() > 0 && a.mmapNs() > 0 && a.writeNs() > 0 && a.verifyNs() > 0 && a.freeNs() > 0,
						"every step timed: " + a);
			}
		}
	}

	@Test
	void aBufferLargerThanTheCmaAreaFailsWithEnomem() throws Exception {
		HeapReport.Heap cmaHeap = report.heap("linux,cma").orElseThrow(() -> new AssertionError("heaps " + report.heapNames()));
		long areaBytes = Long.parseLong(run("cat '/sys/kernel/debug/cma/linux,cma/count'").strip()) * report.pageSize();
		HeapReport.Allocation failure = cmaHeap.failure().orElseThrow(() -> new AssertionError("nothing failed: " + cmaHeap));
		assertEquals("alloc", failure.failedStep());
		assertEquals("ENOMEM", failure.errno());
		assertTrue(failure.size() > areaBytes, failure.size() + " must exceed the area's " + areaBytes + " bytes");
		assertEquals(16L << 20, cmaHeap.largestOk(), "the largest rung within the 32 MiB area");
		// The system heap takes from the buddy allocator: 64 MiB fits in a 512 MiB board.
		assertEquals(64L << 20, report.heap("system").orElseThrow().largestOk());
	}

	@Test
	void theUploadedProbeIsRemovedAfterTheRun() throws Exception {
		assertEquals("", run("ls /tmp | grep carveout-heap-probe || true").strip());
	}

	@Test
	void aCorruptedUploadIsRejectedByItsChecksum() throws Exception {
		ProbeBinary binary = ProbeBinary.forMachine(run("uname -m"));
		String path = ProbeUpload.upload(probing, binary);
		try {
			ProbeUpload.verify(probing, path, binary); // intact: accepted
			// One byte changed on the board, as a flaky link or a tampering host would.
			run("printf 'X' | dd of=" + path + " bs=1 seek=4096 conv=notrunc 2>/dev/null");
			ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class, () -> ProbeUpload.verify(probing, path, binary));
			assertEquals(binary.sha256(), e.expected());
			assertEquals(run("sha256sum " + path).split("\\s+")[0], e.actual());
			assertTrue(!e.expected().equals(e.actual()));
		} finally {
			ProbeUpload.remove(probing, path);
		}
	}

	@Test
	void theBootedSourceShowsNoDrift(Board board) throws Exception {
		HeapComparison comparison = HeapComparison.compare(check(board.dts(), null).memoryMap(), report, state);
		assertEquals(List.of(), comparison.findings());
		assertEquals(Set.of("system", "linux,cma"), comparison.expectedHeaps().required());
		assertEquals(comparison.cma().totalBytes(), comparison.actualCmaTotalBytes());
	}

	@Test
	void aResizedCameraPoolShowsExactlyTheCmaAndBootLogDrift(Board board) throws Exception {
		// The engineer grows the camera pool to 24 MiB in the source but has not flashed it yet.
		String source = Files.readString(board.dts());
		String grown = source.replaceFirst("(camera-pool \\{[^}]*size = <0x00 )0x1000000>", "$10x1800000>");
		assertTrue(!grown.equals(source), "the board DTS has the camera pool this test resizes");
		int sizeLine = lineOf(grown, "0x1800000");

		List<Finding> drift = HeapComparison.compare(check(board.dts(), grown).memoryMap(), report, state).findings();

		assertEquals(List.of(HeapComparison.CMA_RULE, BootLogComparison.RULE), drift.stream().map(Finding::ruleId).toList(), drift.toString());
		for (Finding f : drift) {
			assertEquals("/reserved-memory/camera-pool", f.nodePath());
			assertEquals(board.dts().toAbsolutePath().normalize(), f.at().file().toAbsolutePath().normalize());
			assertEquals(sizeLine, f.at().line(), "the marker goes on the size line: " + f);
		}
		assertEquals("CMA area camera-pool is 16 MiB on the board, the source asks 24 MiB: CmaTotal is 49152 kB, the source makes 57344 kB",
				drift.get(0).message());
		assertTrue(drift.get(1).message().startsWith("resized: the kernel placed 0x1000000 bytes for camera-pool, the source asks 0x1800000"),
				drift.get(1).message());
	}

	private static CheckResult check(Path dts, String content) throws IOException {
		SourceOverlay overlay = content == null ? SourceOverlay.NONE : SourceOverlay.of(Map.of(dts.toAbsolutePath().normalize(), content));
		return new BoardChecker(CheckSettings.defaults()).check(dts, overlay);
	}

	private static int lineOf(String text, String needle) {
		int at = text.indexOf(needle);
		return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
	}

	private static Long meminfoKib(String meminfo, String key) {
		Matcher m = Pattern.compile("(?m)^" + key + ":\\s+(\\d+) kB$").matcher(meminfo);
		assertTrue(m.find(), "no " + key + " in /proc/meminfo");
		return Long.parseLong(m.group(1));
	}

	/** In the second session: the board's own tools, independent of the probe. */
	private static String run(String command) throws IOException {
		RemoteCommands.Result result = RemoteCommands.run(checking, command, TIMEOUT);
		assertEquals(0, result.exitStatus(), "'" + command + "' failed: " + result.stderr());
		return result.stdout();
	}
}
