package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.carveout.dts.check.CheckResult;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.KernelProfile;
import dev.carveout.memmap.MemoryMap;
import dev.carveout.memmap.bootlog.BootLogComparison;
import dev.carveout.memmap.bootlog.BootLogDifference;
import dev.carveout.memmap.bootlog.BootLogEvent;
import dev.carveout.memmap.bootlog.BootLogParser;
import dev.carveout.memmap.bootlog.BootLogPrediction;

/** The kernel's reserved-memory lines: read from a log, predicted from a board, and compared with it. */
class BootLogTest {

	/** The Qualcomm Linux memory-map guide's carve-outs, as the guide writes them (wpss with its "0x"). */
	static final String GUIDE = """
					cdsp_secure_heap_mem: cdsp-secure-heap@81800000 { reg = <0x0 0x81800000 0x0 0x1e00000>; no-map; };
					camera_mem: camera@84300000 { reg = <0x0 0x84300000 0x0 0x500000>; no-map; };
					wpss_mem: wpss@0x84800000 { reg = <0x0 0x84800000 0x0 0x1900000>; no-map; };
					adsp_mem: adsp@86100000 { reg = <0x0 0x86100000 0x0 0x2800000>; no-map; };
			""";

	static final List<String> GUIDE_LINES = List.of(
			"OF: reserved mem: 0x0000000081800000..0x00000000835fffff (30720 KiB) nomap non-reusable cdsp-secure-heap@81800000",
			"OF: reserved mem: 0x0000000084300000..0x00000000847fffff (5120 KiB) nomap non-reusable camera@84300000",
			"OF: reserved mem: 0x0000000084800000..0x00000000860fffff (25600 KiB) nomap non-reusable wpss@0x84800000",
			"OF: reserved mem: 0x0000000086100000..0x00000000888fffff (40960 KiB) nomap non-reusable adsp@86100000");

	@TempDir
	Path dir;

	private MemoryMap map(String children) {
		CheckResult result = new Boards(dir).check(new Boards(dir).write("board.dts", Boards.reserved(children)));
		return result.memoryMap();
	}

	@Test
	void predictionOfTheGuidesCarveOutsIsTheGuidesFourLines() {
		assertEquals(GUIDE_LINES, BootLogPrediction.lines(map(GUIDE), KernelProfile.DEFAULT));
	}

	@Test
	void parserReadsRealKernelLinesWithTimestampsAndOlderForms() {
		String log = """
				[    0.000000] OF: reserved mem: 0x0000000050000000..0x00000000500fffff (1024 KiB) nomap non-reusable fw@50000000
				[    0.000000] OF: fdt: 0x0000000051000000..0x00000000513fffff (4096 K) map reusable cma extra@51000000
				[    0.000000] Reserved memory: created CMA memory pool at 0x000000005e000000, size 32 MiB
				[    0.000000] OF: reserved mem: initialized node linux,cma, compatible id shared-dma-pool
				[    0.000000] OF: reserved mem: OVERLAP DETECTED!
				fw@50000000 (0x0000000050000000--0x0000000050400000) overlaps with dsp@50200000 (0x0000000050200000--0x0000000050600000)
				[    0.000000] Reserved memory: incorrect alignment of CMA region
				[    0.000000] OF: reserved mem: node misaligned-cma@50110000 compatible matching fail
				[    0.000000] OF: reserved mem: Reserved memory: failed to reserve memory for node 'zero@0': base 0x0000000000000000, size 0 MiB
				[    0.123456] random other line
				""";
		List<BootLogEvent> events = BootLogParser.parse(log);
		assertEquals(8, events.size(), events.toString());
		BootLogEvent.Region fw = assertInstanceOf(BootLogEvent.Region.class, events.get(0));
		assertEquals(0x50000000L, fw.range().base());
		assertEquals(0x100000L, fw.range().size());
		assertTrue(fw.noMap() && !fw.reusable());
		BootLogEvent.Region extra = assertInstanceOf(BootLogEvent.Region.class, events.get(1));
		assertEquals("extra@51000000", extra.name());
		assertTrue(!extra.noMap() && extra.reusable());
		assertEquals(0x400000L, extra.range().size());
		assertEquals(32, assertInstanceOf(BootLogEvent.PoolCreated.class, events.get(2)).sizeMiB());
		assertEquals("linux,cma", assertInstanceOf(BootLogEvent.Initialized.class, events.get(3)).name());
		BootLogEvent.Overlap overlap = assertInstanceOf(BootLogEvent.Overlap.class, events.get(4));
		assertEquals("dsp@50200000", overlap.second());
		assertEquals(0x400000L, overlap.firstRange().size());
		assertInstanceOf(BootLogEvent.IncorrectCmaAlignment.class, events.get(5));
		assertEquals("misaligned-cma@50110000", assertInstanceOf(BootLogEvent.CompatibleMatchFail.class, events.get(6)).name());
		assertEquals("zero@0", assertInstanceOf(BootLogEvent.Failed.class, events.get(7)).name());
	}

	@Test
	void predictedLinesParseBackToTheSameRegions() {
		MemoryMap map = map(GUIDE);
		List<String> predicted = BootLogPrediction.lines(map, KernelProfile.DEFAULT);
		assertEquals(List.of(), BootLogComparison.compare(map, KernelProfile.DEFAULT, BootLogParser.parse(String.join("\n", predicted))));
	}

	@Test
	void comparisonNamesMissingMovedResizedReflaggedAndExtraRegions() {
		MemoryMap map = map(GUIDE);
		String log = String.join("\n",
				"OF: reserved mem: 0x0000000081800000..0x00000000835fffff (30720 KiB) nomap non-reusable cdsp-secure-heap@81800000",
				"OF: reserved mem: 0x0000000084400000..0x00000000848fffff (5120 KiB) nomap non-reusable camera@84300000",
				"OF: reserved mem: 0x0000000084800000..0x00000000850fffff (8192 KiB) nomap non-reusable wpss@0x84800000",
				"OF: reserved mem: 0x0000000090000000..0x00000000900fffff (1024 KiB) map non-reusable surprise@90000000");
		List<Finding> findings = BootLogComparison.compare(map, KernelProfile.DEFAULT, BootLogParser.parse(log));
		List<String> messages = findings.stream().map(f -> f.nodePath() + ": " + f.message()).toList();
		assertEquals(4, findings.size(), messages.toString());
		assertTrue(messages.get(0).startsWith("/reserved-memory/camera@84300000: moved"), messages.toString());
		assertTrue(messages.get(1).startsWith("/reserved-memory/wpss@0x84800000: resized"), messages.toString());
		assertTrue(messages.get(2).startsWith("/reserved-memory/adsp@86100000: not in the boot log"), messages.toString());
		assertTrue(messages.get(3).contains("extra: the kernel registered surprise@90000000"), messages.toString());
		assertTrue(findings.get(0).at().line() > 0, "on the line that defines reg");
	}

	@Test
	void differencesCarryBothPlacesForAViewToDraw() {
		MemoryMap map = map(GUIDE);
		String log = String.join("\n", GUIDE_LINES).replace("0x0000000084300000..0x00000000847fffff",
				"0x0000000084400000..0x00000000848fffff") + "\n"
				+ "OF: reserved mem: 0x0000000090000000..0x00000000900fffff (1024 KiB) map non-reusable surprise@90000000";
		List<BootLogDifference> differences = BootLogComparison.differences(map, KernelProfile.DEFAULT, BootLogParser.parse(log));
		assertEquals(List.of("MOVED camera@84300000 0x84300000+0x500000 -> 0x84400000+0x500000",
				"EXTRA surprise@90000000 null -> 0x90000000+0x100000"),
				differences.stream().map(d -> d.kind() + " " + d.name() + " " + place(d.declared()) + " -> " + place(d.booted()))
						.toList());
		assertEquals("/reserved-memory/camera@84300000", differences.get(0).region().path());
		assertEquals(null, differences.get(1).region(), "only the kernel has it");
	}

	private static String place(dev.carveout.memmap.AddressRange range) {
		return range == null ? "null" : String.format("0x%x+0x%x", range.base(), range.size());
	}

	@Test
	void predictionFollowsCmaSetupAndOverlaps() {
		MemoryMap map = map("""
						pool@80000000 { compatible = "shared-dma-pool"; reg = <0x0 0x80000000 0x0 0x400000>; reusable; };
						bad@80500000 { compatible = "shared-dma-pool"; reg = <0x0 0x80500000 0x0 0x400000>; reusable; };
						a@90000000 { reg = <0x0 0x90000000 0x0 0x400000>; no-map; };
						b@90200000 { reg = <0x0 0x90200000 0x0 0x400000>; no-map; };
				""");
		List<String> lines = BootLogPrediction.lines(map, KernelProfile.DEFAULT);
		assertEquals(List.of(
				"Reserved memory: created CMA memory pool at 0x0000000080000000, size 4 MiB",
				"OF: reserved mem: initialized node pool@80000000, compatible id shared-dma-pool",
				"OF: reserved mem: 0x0000000080000000..0x00000000803fffff (4096 KiB) map reusable pool@80000000",
				"Reserved memory: incorrect alignment of CMA region",
				"OF: reserved mem: node bad@80500000 compatible matching fail",
				"OF: reserved mem: 0x0000000090000000..0x00000000903fffff (4096 KiB) nomap non-reusable a@90000000",
				"OF: reserved mem: 0x0000000090200000..0x00000000905fffff (4096 KiB) nomap non-reusable b@90200000",
				"OF: reserved mem: OVERLAP DETECTED!",
				"a@90000000 (0x0000000090000000--0x0000000090400000) overlaps with b@90200000 (0x0000000090200000--0x0000000090600000)"),
				lines);
	}

	/**
	 * drivers/of/of_reserved_mem.c of 6.12: the early scan (fdt_scan_reserved_mem) reserves every entry of every reg
	 * before any region is placed or set up, and reports each it cannot reserve (size 0) or a reg it cannot read;
	 * fdt_scan_reserved_mem_reg_nodes then registers the first entry of each node, warns about the entries it
	 * ignores, and reports a bad reg again. Lines written out by hand from the kernel's format strings.
	 */
	@Test
	void predictionPrintsTheEarlyScansFailuresFirstAndTheIgnoredEntriesOfEachNode() {
		// RAM for the dynamic pool to be placed in.
		String children = """
						zero@50000000 { reg = <0x0 0x50000000 0x0 0x0>; };
						multi@60000000 { reg = <0x0 0x60000000 0x0 0x100000 0x0 0x70000000 0x0 0x0 0x0 0x71000000 0x0 0x200000>; no-map; };
						pool { compatible = "shared-dma-pool"; size = <0x0 0x400000>; reusable; };
						off@90000000 { reg = <0x0 0x90000000 0x0 0x0>; status = "disabled"; };
						bad@98000000 { reg = <0x0 0x98000000 0x0>; };
						fw@a0000000 { reg = <0x0 0xa0000000 0x0 0x100000>; no-map; };
				""";
		MemoryMap map = new Boards(dir).check(new Boards(dir).write("board.dts", Boards.reserved(children).replaceFirst(
				"reserved-memory \\{", "memory@40000000 { device_type = \"memory\"; reg = <0x0 0x40000000 0x0 0x80000000>; };\n"
						+ "reserved-memory {"))).memoryMap();
		List<String> lines = BootLogPrediction.lines(map, KernelProfile.DEFAULT);
		assertEquals(List.of(
				"OF: reserved mem: Reserved memory: failed to reserve memory for node 'zero@50000000': base 0x0000000050000000, size 0 MiB",
				"OF: reserved mem: Reserved memory: failed to reserve memory for node 'multi@60000000': base 0x0000000070000000, size 0 MiB",
				"OF: reserved mem: Reserved memory: invalid reg property in 'bad@98000000', skipping node."),
				lines.subList(0, 3), "the early scan, before anything is placed or set up");
		int pool = lines.indexOf("OF: reserved mem: initialized node pool, compatible id shared-dma-pool");
		assertTrue(pool > 3, "the dynamic pool after the early scan: " + lines);
		assertEquals(List.of(
				"OF: reserved mem: fdt_scan_reserved_mem_reg_nodes() ignores 2 regions in node 'multi@60000000'",
				"OF: reserved mem: 0x0000000060000000..0x00000000600fffff (1024 KiB) nomap non-reusable multi@60000000",
				"OF: reserved mem: Reserved memory: invalid reg property in 'bad@98000000', skipping node.",
				"OF: reserved mem: 0x00000000a0000000..0x00000000a00fffff (1024 KiB) nomap non-reusable fw@a0000000"),
				lines.subList(pool + 2, lines.size()), "the static pass: zero@50000000 registers nothing, off@90000000 is not seen");
		// The parser reads the early failures as failures, not as regions.
		List<BootLogEvent> events = BootLogParser.parse(String.join("\n", lines));
		assertInstanceOf(BootLogEvent.Failed.class, events.get(0));
		assertTrue(BootLogComparison.differences(map, KernelProfile.DEFAULT, events).isEmpty(),
				BootLogComparison.differences(map, KernelProfile.DEFAULT, events).toString());
	}

	@Test
	void aRootTheKernelCannotUseIsReportedByBothScans() {
		MemoryMap map = new Boards(dir).check(new Boards(dir).write("board.dts", Boards.reserved("").replace("ranges;", "")))
				.memoryMap();
		assertEquals(List.of("OF: reserved mem: Reserved memory: unsupported node format, ignoring",
				"OF: reserved mem: Reserved memory: unsupported node format, ignoring"), BootLogPrediction.lines(map, KernelProfile.DEFAULT));
	}
}
