package dev.carveout.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.KernelProfile;
import dev.carveout.memmap.MemReserve;
import dev.carveout.memmap.MemoryBank;
import dev.carveout.memmap.MemoryMap;
import dev.carveout.memmap.Region;
import dev.carveout.memmap.RegionKind;
import dev.carveout.memmap.Severity;
import dev.carveout.memmap.SourceRef;
import dev.carveout.ui.map.CsvExport;
import dev.carveout.ui.map.EntryKind;
import dev.carveout.ui.map.MapColumn;
import dev.carveout.ui.map.MapEntries;
import dev.carveout.ui.map.MapEntry;
import dev.carveout.ui.map.MapLayout;
import dev.carveout.ui.map.MapLayout.Block;
import dev.carveout.ui.map.MarkdownExport;
import dev.carveout.ui.map.Sizes;
import dev.carveout.ui.map.SvgExport;
import dev.carveout.ui.map.TextMeasure;

/** The Memory Map's model, layout and writers without a workbench: a hand-built map, checked by arithmetic. */
class MapLayoutTest {

	private static final long MIB = 1024 * 1024;
	private static final Path BOARD = Path.of("/boards/board.dts");
	private static final TextMeasure TEXT = TextMeasure.approximate(SvgExport.FONT_PX);

	private final MemoryMap map = new MemoryMap(2, 2,
			List.of(new MemoryBank("/memory@80000000", List.of(new AddressRange(0x8000_0000L, 1024 * MIB)), at(5))),
			List.of(new MemReserve(0, new AddressRange(0xA000_0000L, 4096), at(2))),
			new MemoryMap.ReservedMemory("/reserved-memory", 2, 2, true, true, List.of(
					region("modem@86000000", 0x8600_0000L, 64 * MIB, true, false, 20),
					region("camera@8b700000", 0x8B70_0000L, 5 * MIB, true, false, 30),
					region("video@8b900000", 0x8B90_0000L, 7 * MIB, true, false, 40),
					cmaPool("linux,cma", 256 * MIB, 50)), at(10)),
			List.of());
	private final List<Finding> findings = List.of(new Finding("R8", Severity.ERROR, "overlap", at(31),
			"/reserved-memory/camera@8b700000"));
	private final List<MapEntry> entries = MapEntries.of(map, findings, KernelProfile.DEFAULT);
	private final MapLayout layout = MapLayout.compute(map, entries, 700, 600, TEXT);

	@Test
	void entriesAreSortedByBaseWithTheDynamicOnesLast() {
		assertEquals(List.of("modem@86000000", "camera@8b700000", "video@8b900000", "/memreserve/ 0", "linux,cma"),
				entries.stream().map(MapEntry::name).toList());
		MapEntry cma = entries.get(4);
		assertTrue(cma.dynamic());
		assertEquals(EntryKind.CMA, cma.kind());
		assertEquals(EntryKind.MEMRESERVE, entries.get(3).kind());
		assertEquals(List.of("R8"), entries.get(1).problems());
		assertEquals(List.of(), entries.get(2).problems());
	}

	@Test
	void blocksFollowTheAddressesDownwardsAndKeepSmallRegionsVisible() {
		List<Block> blocks = layout.blocks();
		assertEquals(5, blocks.size(), "one block per reg entry and one for the dynamic pool's predicted place");
		for (int i = 0; i + 1 < blocks.size(); i++) {
			assertTrue(blocks.get(i).box().y() < blocks.get(i + 1).box().y(), "addresses grow downwards");
		}
		Block modem = block("modem@86000000");
		Block memreserve = block("/memreserve/ 0");
		assertTrue(memreserve.box().height() >= TEXT.lineHeight(), "a 4 KiB entry still gets a line");
		assertTrue(modem.box().height() > block("camera@8b700000").box().height(), "64 MiB is drawn taller than 5 MiB");
		assertEquals(List.of("modem@86000000", "64 MiB"), modem.lines());
	}

	@Test
	void zoomDrawsTheCoveredMemoryTallerAndKeepsBreaksAsTheyAre() {
		MapLayout zoomed = MapLayout.compute(map, entries, 700, 600, TEXT, 2);
		Block modem = zoomed.blocks().stream().filter(b -> b.entry().name().equals("modem@86000000")).findFirst().orElseThrow();
		int fittedHeight = block("modem@86000000").box().height();
		assertTrue(Math.abs(modem.box().height() - 2 * fittedHeight) <= 2, modem.box().height() + " vs 2 x " + fittedHeight);
		assertTrue(zoomed.height() > layout.height(), "the zoomed map scrolls: " + zoomed.height());
		assertEquals(layout.breaks().size(), zoomed.breaks().size());
	}

	@Test
	void aSizeOnlyPoolIsDrawnWhereTheKernelWillPlaceIt() {
		// Top-down in free RAM (0x80000000..0xc0000000): nothing is reserved above the /memreserve/ at 0xa0000000.
		Block cma = block("linux,cma");
		assertEquals(new AddressRange(0xB000_0000L, 256 * MIB), cma.range());
		assertTrue(cma.box().y() > block("/memreserve/ 0").box().bottom(), "below 0xa0001000 on the map");
		assertEquals("≈0xb0000000", MapColumn.BASE.text(cma.entry()));
		assertTrue(String.join(" ", cma.lines()).contains("placed by the kernel at boot (R9)"), cma.lines().toString());
		assertEquals(List.of(), layout.dynamicBlocks(), "nothing left to list under the map");
	}

	@Test
	void aPoolTheKernelCannotPlaceIsListedUnderTheMap() {
		MemoryMap tooBig = new MemoryMap(2, 2, map.memory(), List.of(), new MemoryMap.ReservedMemory("/reserved-memory",
				2, 2, true, true, List.of(cmaPool("huge", 2048 * MIB, 50)), at(10)), List.of());
		MapLayout tooBigLayout = MapLayout.compute(tooBig, MapEntries.of(tooBig, List.of(), KernelProfile.DEFAULT), 700,
				600, TEXT);
		assertEquals(List.of("huge"), tooBigLayout.dynamicBlocks().stream().map(b -> b.entry().name()).toList());
		assertEquals(List.of(), tooBigLayout.blocks());
		assertEquals("", MapColumn.BASE.text(tooBigLayout.dynamicBlocks().get(0).entry()));
	}

	@Test
	void longGapsAreCompressedIntoBreaks() {
		// 0x80000000..0x86000000 (96 MiB) and 0xa0001000..0xb0000000, up to the pool the kernel will place at the
		// top of RAM (about 256 MiB), are RAM nobody reserves.
		assertTrue(layout.breaks().stream().anyMatch(b -> b.from() == 0x8000_0000L && b.to() == 0x8600_0000L),
				layout.breaks().toString());
		assertTrue(layout.breaks().stream().anyMatch(b -> b.from() == 0xA000_1000L && b.to() == 0xB000_0000L),
				layout.breaks().toString());
		assertTrue(layout.height() < 1000, "the compressed map fits a screen: " + layout.height());
		assertTrue(layout.ticks().stream().anyMatch(t -> t.address() == 0x8B70_0000L && t.labelled()));
	}

	@Test
	void overlappingRegionsShareTheWidthAndTheSharedPartIsMarked() {
		Block camera = block("camera@8b700000");
		Block video = block("video@8b900000");
		assertTrue(camera.box().x() + camera.box().width() <= video.box().x(), "side by side, not on top");
		assertEquals(1, layout.overlaps().size(), layout.overlaps().toString());
		MapLayout.Overlap overlap = layout.overlaps().get(0);
		assertEquals(new AddressRange(0x8B90_0000L, 3 * MIB), overlap.shared());
		assertTrue(layout.isOverlapping(camera.entry()) && layout.isOverlapping(video.entry()));
		assertFalse(layout.isOverlapping(block("modem@86000000").entry()));
		assertEquals(video.box().y(), overlap.box().y());
		assertEquals(camera.box().bottom(), overlap.box().bottom());
	}

	@Test
	void aBoardWithoutMemoryOrRegionsLaysOutEmpty() {
		MemoryMap empty = new MemoryMap(2, 2, List.of(), List.of(), null, List.of());
		MapLayout emptyLayout = MapLayout.compute(empty, MapEntries.of(empty, List.of(), KernelProfile.DEFAULT), 400, 300, TEXT);
		assertTrue(emptyLayout.blocks().isEmpty() && emptyLayout.ticks().isEmpty() && emptyLayout.banks().isEmpty());
		assertTrue(SvgExport.write(emptyLayout, null).contains("no-map carve-out"), "the legend still explains");
	}

	@Test
	void aDisabledRegionIsDrawnButOverlapsNothing() {
		Region disabled = new Region("/reserved-memory/old@8b800000", "old@8b800000", List.of(), "disabled", List.of(),
				RegionKind.STATIC, List.of(new AddressRange(0x8B80_0000L, MIB)), null, null, null, true, false, false,
				false, Map.of("", at(60)), Map.of("reg", 16));
		MemoryMap withDisabled = new MemoryMap(2, 2, map.memory(), List.of(), new MemoryMap.ReservedMemory(
				"/reserved-memory", 2, 2, true, true, List.of(disabled, map.regions().get(1)), at(10)), List.of());
		MapLayout disabledLayout = MapLayout.compute(withDisabled, MapEntries.of(withDisabled, List.of(), KernelProfile.DEFAULT), 700, 600,
				TEXT);
		assertEquals(2, disabledLayout.blocks().size());
		assertEquals(List.of(), disabledLayout.overlaps(), "the kernel skips disabled regions");
		assertEquals("disabled", MapEntries.of(withDisabled, List.of(), KernelProfile.DEFAULT).get(1).status());
	}

	@Test
	void clicksFindTheEntryUnderThePointer() {
		Block modem = block("modem@86000000");
		assertEquals(modem.entry(), layout.entryAt(modem.box().x() + 3, modem.box().y() + 3));
		assertEquals(null, layout.entryAt(1, 1));
	}

	@Test
	void csvHasOneRowPerEntryWithExactBytes() {
		String[] lines = CsvExport.write(entries).split("\r\n");
		assertEquals(6, lines.length);
		assertEquals("Name,Label,Base,End,Size,Kind,Flags,Defined at,Status,Problems,Boot log,Overlay,Size (bytes),Path", lines[0]);
		assertEquals("camera@8b700000,camera_mem,0x8b700000,0x8bbfffff,5 MiB,no-map carve-out,no-map,board.dts:30,"
				+ "okay,R8,,,5242880,/reserved-memory/camera@8b700000", lines[2]);
		assertTrue(lines[5].startsWith("\"linux,cma\",,≈0xb0000000,≈0xbfffffff,256 MiB,\"CMA pool, placed at boot\","
				+ "\"reusable linux,cma-default\",board.dts:50,"), lines[5]);
	}

	@Test
	void markdownIsATableOfTheSameColumns() {
		String[] lines = MarkdownExport.write(BOARD, entries).split("\n");
		assertEquals("# Memory map of board.dts", lines[0]);
		assertTrue(lines[2].startsWith("| Name | Label | Base | End | Size |"), lines[2]);
		assertTrue(lines[3].startsWith("| --- |"), lines[3]);
		assertEquals(2 + 2 + entries.size(), lines.length);
	}

	@Test
	void svgDrawsTheLayout() {
		String svg = SvgExport.write(layout, null);
		assertTrue(svg.startsWith("<?xml"), svg);
		assertTrue(svg.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"700\""), svg);
		assertTrue(svg.contains(">modem@86000000</text>"), svg);
		assertTrue(svg.contains(">0x8b700000</text>"), svg);
		assertTrue(svg.contains("fill=\"url(#hatch)\""), "the overlap is hatched");
		assertTrue(svg.contains(">" + Sizes.size(64 * MIB) + "</text>"), svg);
		assertTrue(svg.trim().endsWith("</svg>"));
	}

	@Test
	void sizesAreWrittenInTheUnitThatReadsBest() {
		assertEquals("30 MiB", Sizes.size(0x1e00000));
		assertEquals("4 KiB", Sizes.size(4096));
		assertEquals("1 GiB", Sizes.size(1024 * MIB));
		assertEquals("1.5 MiB", Sizes.size(3 * MIB / 2));
		assertEquals("0x80000000", Sizes.hex(0x8000_0000L));
		assertEquals("0x00001000", Sizes.hex(0x1000));
	}

	private Block block(String name) {
		return layout.blocks().stream().filter(b -> b.entry().name().equals(name)).findFirst().orElseThrow();
	}

	private static Region region(String name, long base, long size, boolean noMap, boolean reusable, int line) {
		String label = name.substring(0, name.indexOf('@')) + "_mem";
		return new Region("/reserved-memory/" + name, name, List.of(label), null, List.of(), RegionKind.STATIC,
				List.of(new AddressRange(base, size)), null, null, null, noMap, reusable, false, false,
				Map.of("", at(line - 1), "reg", at(line)), Map.of("reg", 16));
	}

	private static Region cmaPool(String name, long size, int line) {
		return new Region("/reserved-memory/" + name, name, List.of(), null, List.of("shared-dma-pool"),
				RegionKind.DYNAMIC, null, size, null, null, false, true, true, false,
				Map.of("", at(line - 1), "size", at(line)), Map.of("size", 8));
	}

	private static SourceRef at(int line) {
		return new SourceRef(BOARD, line, 1, 0, 0);
	}
}
