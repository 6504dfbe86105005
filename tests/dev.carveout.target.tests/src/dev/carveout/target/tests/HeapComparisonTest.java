package dev.carveout.target.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckSettings;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.MemoryMap;
import dev.carveout.memmap.Severity;
import dev.carveout.target.heaps.BoardState;
import dev.carveout.target.heaps.CmaModel;
import dev.carveout.target.heaps.HeapComparison;
import dev.carveout.target.heaps.HeapReport;
import dev.carveout.target.heaps.HeapReportJson;
import dev.carveout.target.heaps.KernelCmaConfig;

/**
 * The kernel's rules for heaps and CMA areas, per version and configuration, on sources read by the engine; the
 * board side is a report as the probe writes it and a kernel log with the lines Linux 6.12 prints.
 */
class HeapComparisonTest {

	private static final String CONFIG = """
			CONFIG_DMA_CMA=y
			CONFIG_CMA_SIZE_MBYTES=32
			CONFIG_CMA_SIZE_SEL_MBYTES=y
			CONFIG_DMABUF_HEAPS=y
			CONFIG_DMABUF_HEAPS_SYSTEM=y
			CONFIG_DMABUF_HEAPS_CMA=y
			""";

	/** Two pools: a camera pool and (unless left out) the default one. */
	private static String board(boolean withDefault) {
		return """
				/dts-v1/;
				/ {
					#address-cells = <2>;
					#size-cells = <2>;
					memory@40000000 { device_type = "memory"; reg = <0x0 0x40000000 0x0 0x20000000>; };
					reserved-memory {
						#address-cells = <2>;
						#size-cells = <2>;
						ranges;
						camera-pool { compatible = "shared-dma-pool"; reusable; size = <0x0 0x1000000>; };
				""" + (withDefault ? """
						linux,cma { compatible = "shared-dma-pool"; reusable; size = <0x0 0x2000000>; linux,cma-default; };
				""" : "") + """
					};
				};
				""";
	}

	@TempDir
	Path tmp;

	@Test
	void linux612HasSystemAndTheDefaultPoolsHeap() throws Exception {
		HeapComparison c = compare(board(true), report("6.12.117", List.of("linux,cma", "system"), 49152L,
				area("camera-pool", 4096), area("linux,cma", 8192)), CONFIG, "");
		assertEquals(Set.of("system", "linux,cma"), c.expectedHeaps().required());
		assertEquals(List.of(), c.findings());
	}

	@Test
	void linux617RenamesTheDefaultHeapAndKeepsTheLegacyName() throws Exception {
		// A 6.17 configuration has the symbol, y by default.
		HeapComparison c = compare(board(true), report("6.17.1", List.of("linux,cma", "system"), 49152L,
				area("camera-pool", 4096), area("linux,cma", 8192)), CONFIG + "CONFIG_DMABUF_HEAPS_CMA_LEGACY=y\n", "");
		assertEquals(Set.of("system", "default_cma_region", "linux,cma"), c.expectedHeaps().required());
		assertEquals(List.of("missing heap: Linux 6.17 makes /dev/dma_heap/default_cma_region for this source, the board has [linux,cma, system]"),
				messages(c));
		assertEquals("/reserved-memory/linux,cma", c.findings().getFirst().nodePath(), "on the default pool that makes it");
		HeapComparison noLegacy = compare(board(true), report("6.17.1", List.of("default_cma_region", "system"), 49152L,
				area("camera-pool", 4096), area("linux,cma", 8192)), CONFIG + "# CONFIG_DMABUF_HEAPS_CMA_LEGACY is not set\n", "");
		assertEquals(Set.of("system", "default_cma_region"), noLegacy.expectedHeaps().required());
		assertEquals(List.of(), noLegacy.findings());
	}

	@Test
	void linux619AddsAHeapPerReusablePool() throws Exception {
		HeapComparison c = compare(board(true), report("6.19.0", List.of("default_cma_region", "linux,cma", "system"), 49152L,
				area("camera-pool", 4096), area("linux,cma", 8192)), CONFIG, "");
		assertEquals(Set.of("system", "default_cma_region", "linux,cma", "camera-pool"), c.expectedHeaps().required());
		assertEquals(List.of("missing heap: Linux 6.19 makes /dev/dma_heap/camera-pool for this source, the board has [default_cma_region, linux,cma, system]"),
				messages(c));
		assertEquals("/reserved-memory/camera-pool", c.findings().getFirst().nodePath());
	}

	@Test
	void withoutADefaultPoolKconfigSizesTheKernelsReservedArea() throws Exception {
		HeapComparison c = compare(board(false), report("6.12.117", List.of("reserved", "system"), 49152L,
				area("camera-pool", 4096), area("reserved", 8192)), CONFIG, "");
		assertEquals(Set.of("system", "reserved"), c.expectedHeaps().required());
		assertEquals(Optional.of(48L << 20), c.cma().totalBytes());
		assertEquals(List.of(), c.findings());
	}

	@Test
	void cmaOnTheCommandLineBypassesTheDefaultPool() throws Exception {
		// early_cma(): cma=64M; rmem_cma_setup() then refuses the linux,cma-default node.
		HeapComparison c = compare(board(true), report("6.12.117", List.of("reserved", "system"), 81920L,
				area("camera-pool", 4096), area("reserved", 16384)), CONFIG, "console=ttyAMA0 cma=64M");
		assertEquals(List.of("camera-pool", "reserved"), c.cma().areas().stream().map(CmaModel.Area::name).toList());
		assertEquals(Optional.of(80L << 20), c.cma().totalBytes());
		assertEquals(List.of(), c.findings());
	}

	@Test
	void aResizedAreaIsReportedOnItsNodeWithTheTotals() throws Exception {
		HeapComparison c = compare(board(true), report("6.12.117", List.of("linux,cma", "system"), 65536L,
				area("camera-pool", 8192), area("linux,cma", 8192)), CONFIG, "");
		assertEquals(List.of("CMA area camera-pool is 32 MiB on the board, the source asks 16 MiB: CmaTotal is 65536 kB, the source makes 49152 kB"),
				messages(c));
		Finding f = c.findings().getFirst();
		assertEquals(HeapComparison.CMA_RULE, f.ruleId());
		assertEquals(10, f.at().line(), "the camera pool's size line: " + f.at());
	}

	@Test
	void withoutPerAreaCountsOnlyTheTotalIsComparedOnReservedMemory() throws Exception {
		HeapComparison c = compare(board(true), report("6.12.117", List.of("linux,cma", "system"), 40960L), CONFIG, "");
		assertEquals(List.of("CMA total differs: CmaTotal is 40960 kB, the source makes 49152 kB"), messages(c));
		assertEquals("/reserved-memory", c.findings().getFirst().nodePath());
	}

	@Test
	void anUnpublishedConfigurationLeavesTheKernelsDefaultUnknownNotWrong() throws Exception {
		HeapComparison c = compare(board(false), report("6.12.117", List.of("reserved", "system"), 49152L,
				area("camera-pool", 4096), area("reserved", 8192)), null, "");
		assertEquals(Set.of(), c.expectedHeaps().required());
		assertEquals(Optional.empty(), c.cma().totalBytes());
		assertEquals(List.of(), c.drift(), "nothing the source contradicts");
		assertEquals(List.of(Severity.INFO), c.findings().stream().map(Finding::severity).toList(), c.findings().toString());
	}

	@Test
	void anExtraHeapAndAMissingAreaAreDrift() throws Exception {
		HeapComparison c = compare(board(true), report("6.12.117", List.of("linux,cma", "secure", "system"), 32768L,
				area("linux,cma", 8192)), CONFIG, "");
		assertEquals(List.of(
				"extra heap: the board has /dev/dma_heap/secure, which Linux 6.12 does not make for this source (expected [linux,cma, system])",
				"missing CMA area: the kernel has no camera-pool (16 MiB in the source): CmaTotal is 32768 kB, the source makes 49152 kB"),
				messages(c));
	}

	@Test
	void aWrappedKernelLogIsANoteNotADrift() throws Exception {
		HeapComparison c = compare(board(true), report("6.12.117", List.of("linux,cma", "system"), 49152L,
				area("camera-pool", 4096), area("linux,cma", 8192)), CONFIG, "[ 9999.1] usb 1-1: new device\n");
		assertEquals(List.of(), c.drift());
		assertTrue(messages(c).getFirst().startsWith("the board's kernel log no longer reaches back to the boot"), messages(c).toString());
	}

	@Test
	void aBoardWithoutHeapsDriftsFromASourceWithCmaPools() throws Exception {
		HeapReport none = new HeapReport(HeapReportJson.PROBE, HeapReportJson.FORMAT, "6.12.117", "aarch64", 4096, 64L << 20,
				49152L, 49152L, List.of(area("camera-pool", 4096), area("linux,cma", 8192)), "ENOENT", List.of());
		HeapComparison configured = compare(board(true), none, CONFIG, "");
		assertEquals(List.of("the board has no /dev/dma_heap (ENOENT): although its kernel has CONFIG_DMABUF_HEAPS (no devtmpfs?); the source expects heaps [linux,cma, system]"),
				messages(configured));
		String without = CONFIG.replaceAll("(?m)^(CONFIG_DMABUF_HEAPS\\w*)=y$", "# $1 is not set");
		HeapComparison lacking = compare(board(true), none, without, "");
		assertEquals(List.of("the board has no /dev/dma_heap (ENOENT): its kernel lacks CONFIG_DMABUF_HEAPS; the source expects heaps for its CMA pools [camera-pool, linux,cma]"),
				messages(lacking));
		HeapComparison unknown = compare(board(true), none, null, "");
		assertEquals(List.of("the board has no /dev/dma_heap (ENOENT): its kernel may lack CONFIG_DMABUF_HEAPS; the source expects heaps for its CMA pools [camera-pool, linux,cma]"),
				unknown.drift().stream().map(Finding::message).toList());
	}

	@Test
	void anUnreadableKernelLogIsANote() throws Exception {
		Path file = tmp.resolve("board.dts");
		Files.writeString(file, board(true));
		MemoryMap map = new BoardChecker(CheckSettings.defaults()).check(file, SourceOverlay.NONE).memoryMap();
		HeapComparison c = HeapComparison.compare(map, report("6.12.117", List.of("linux,cma", "system"), 49152L,
				area("camera-pool", 4096), area("linux,cma", 8192)), new BoardState("6.12.117", null, KernelCmaConfig.of("", CONFIG)));
		assertEquals(List.of(), c.drift());
		assertTrue(messages(c).getFirst().startsWith("the board's kernel log cannot be read"), messages(c).toString());
	}

	@Test
	void memparseReadsTheKernelsSuffixes() {
		assertEquals(Optional.of(64L << 20), KernelCmaConfig.of("cma=64M", null).cmdlineCmaBytes());
		assertEquals(Optional.of(1L << 30), KernelCmaConfig.of("quiet cma=1G@0x40000000", null).cmdlineCmaBytes());
		assertEquals(Optional.of(0x800000L), KernelCmaConfig.of("cma=0x800000 cma=0x800000", null).cmdlineCmaBytes());
		assertEquals(Optional.of(0L), KernelCmaConfig.of("cma=0", null).cmdlineCmaBytes());
		assertEquals(Optional.empty(), KernelCmaConfig.of("console=ttyS0 nocma=1", null).cmdlineCmaBytes());
	}

	private HeapComparison compare(String dts, HeapReport report, String config, String extraCmdline) throws Exception {
		Path file = tmp.resolve("board.dts");
		Files.writeString(file, dts);
		MemoryMap map = new BoardChecker(CheckSettings.defaults()).check(file, SourceOverlay.NONE).memoryMap();
		String dmesg = extraCmdline.startsWith("[") ? extraCmdline : bootLog(map.regions().stream().anyMatch(r -> r.name().equals("linux,cma")));
		String cmdline = extraCmdline.startsWith("[") ? "" : extraCmdline;
		return HeapComparison.compare(map, report, new BoardState(report.kernelRelease(), dmesg, KernelCmaConfig.of(cmdline, config)));
	}

	/** What 6.12 prints for the two pools when it places them (dynamic: the kernel chose the bases). */
	private static String bootLog(boolean withDefault) {
		return "[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x411fd070]\n"
				+ "[    0.000000] OF: reserved mem: 0x000000005c000000..0x000000005cffffff (16384 KiB) map reusable camera-pool\n"
				+ (withDefault ? "[    0.000000] OF: reserved mem: 0x000000005e000000..0x000000005fffffff (32768 KiB) map reusable linux,cma\n" : "");
	}

	private static HeapReport report(String release, List<String> heaps, Long cmaTotalKib, HeapReport.CmaArea... areas) {
		return new HeapReport(HeapReportJson.PROBE, HeapReportJson.FORMAT, release, "aarch64", 4096, 64L << 20, cmaTotalKib,
				cmaTotalKib, List.of(areas), null, heaps.stream().map(h -> new HeapReport.Heap(h, null, null, List.of())).toList());
	}

	private static HeapReport.CmaArea area(String name, long pages) {
		return new HeapReport.CmaArea(name, Map.of("alloc_pages_success", 0L), Map.of("count", pages, "used", 0L));
	}

	private static List<String> messages(HeapComparison c) {
		return c.findings().stream().map(Finding::message).toList();
	}
}
