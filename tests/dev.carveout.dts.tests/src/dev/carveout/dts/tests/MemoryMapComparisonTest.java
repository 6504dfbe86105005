package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.carveout.memmap.KernelProfile;
import dev.carveout.memmap.MemoryMap;
import dev.carveout.memmap.compare.MapDifference;
import dev.carveout.memmap.compare.MapDifference.Kind;
import dev.carveout.memmap.compare.MemoryMapComparison;

/** Two boards' memory maps compared: one test per kind of difference, the maps read from real sources. */
class MemoryMapComparisonTest {

	private static final String RAM = "memory@80000000 { device_type = \"memory\"; reg = <0x0 0x80000000 0x0 0x40000000>; };\n";
	private static final String CAMERA = "camera@84300000 { reg = <0x0 0x84300000 0x0 0x800000>; no-map; };\n";

	@TempDir
	Path dir;

	/** A board of 2+2 cells with the given /memreserve/ lines, root children and /reserved-memory children. */
	private static String board(String memreserve, String rootChildren, String regions) {
		return "/dts-v1/;\n" + memreserve + "/ {\n#address-cells = <2>;\n#size-cells = <2>;\n" + rootChildren
				+ "reserved-memory {\n#address-cells = <2>;\n#size-cells = <2>;\nranges;\n" + regions + "};\n};\n";
	}

	private MemoryMap map(String name, String text) {
		Boards boards = new Boards(dir);
		return boards.check(boards.write(name, text)).memoryMap();
	}

	private List<MapDifference> compare(String left, String right) {
		return MemoryMapComparison.compare(map("left.dts", left), map("right.dts", right), KernelProfile.DEFAULT);
	}

	private List<MapDifference> compareRegions(String left, String right) {
		return compare(board("", RAM, left), board("", RAM, right));
	}

	private static MapDifference only(List<MapDifference> differences, Kind kind) {
		assertEquals(List.of(kind), differences.stream().map(MapDifference::kind).toList(), differences.toString());
		return differences.get(0);
	}

	@Test
	void sameBoardHasNoDifference() {
		String text = board("/memreserve/ 0x80000000 0x1000;\n", RAM,
				CAMERA + "pool { compatible = \"shared-dma-pool\"; size = <0x0 0x400000>; reusable; linux,cma-default; };\n");
		assertEquals(List.of(), compare(text, text));
	}

	@Test
	void regionOnlyOnTheRightIsAddedOnlyOnTheLeftRemoved() {
		MapDifference added = only(compareRegions("", CAMERA), Kind.REGION_ADDED);
		assertEquals("/reserved-memory/camera@84300000", added.rightPath());
		assertEquals(null, added.leftValue());
		assertEquals("0x84300000..0x84afffff (0x800000)", added.rightValue());
		MapDifference removed = only(compareRegions(CAMERA, ""), Kind.REGION_REMOVED);
		assertEquals("/reserved-memory/camera@84300000", removed.leftPath());
		assertEquals(dir.resolve("left.dts").toAbsolutePath().normalize(), removed.leftAt().file());
		assertEquals(10, removed.leftAt().line());
	}

	@Test
	void resizedReportsBothSizesAtTheRegLine() {
		MapDifference resized = only(compareRegions(CAMERA, "camera@84300000 {\nno-map;\nreg = <0x0 0x84300000 0x0 0xa00000>;\n};\n"),
				Kind.RESIZED);
		assertEquals("0x800000", resized.leftValue());
		assertEquals("0xa00000", resized.rightValue());
		assertEquals(10, resized.leftAt().line());
		assertEquals(12, resized.rightAt().line(), "the right's reg is on the node's third line");
		assertEquals("resized: 0x800000 in the source, 0xa00000 in board.dtb", resized.message("the source", "board.dtb"));
	}

	@Test
	void movedReportsBothBases() {
		MapDifference moved = only(compareRegions(CAMERA, "camera@84300000 { reg = <0x0 0x84400000 0x0 0x800000>; no-map; };\n"),
				Kind.MOVED);
		assertEquals("0x84300000", moved.leftValue());
		assertEquals("0x84400000", moved.rightValue());
	}

	@Test
	void regionMatchedByNameWhenItsUnitAddressMovedWithIt() {
		List<MapDifference> differences = compareRegions(CAMERA, "camera@84400000 { reg = <0x0 0x84400000 0x0 0x800000>; no-map; };\n");
		assertEquals(List.of(Kind.REGION_RENAMED, Kind.MOVED), differences.stream().map(MapDifference::kind).toList());
		assertEquals("/reserved-memory/camera@84300000", differences.get(0).leftValue());
		assertEquals("/reserved-memory/camera@84400000", differences.get(0).rightValue());
	}

	@Test
	void twoRegionsOfTheSameNameAreNotGuessedAtByName() {
		List<MapDifference> differences = compareRegions(CAMERA + "camera@90000000 { reg = <0x0 0x90000000 0x0 0x1000>; };\n",
				"camera@84400000 { reg = <0x0 0x84400000 0x0 0x800000>; no-map; };\n");
		assertEquals(List.of(Kind.REGION_REMOVED, Kind.REGION_REMOVED, Kind.REGION_ADDED),
				differences.stream().map(MapDifference::kind).toList());
	}

	@Test
	void eachFlagIsItsOwnDifference() {
		String pool = "pool@90000000 { compatible = \"shared-dma-pool\"; reg = <0x0 0x90000000 0x0 0x400000>; %s };\n";
		assertEquals("present", only(compareRegions(String.format(pool, "no-map;"), String.format(pool, "")), Kind.NO_MAP_CHANGED).leftValue());
		assertEquals("present", only(compareRegions(String.format(pool, ""), String.format(pool, "reusable;")), Kind.REUSABLE_CHANGED).rightValue());
		assertEquals("linux,cma-default", only(compareRegions(String.format(pool, ""), String.format(pool, "linux,cma-default;")),
				Kind.DEFAULT_POOL_CHANGED).rightValue());
		MapDifference status = only(compareRegions(String.format(pool, ""), String.format(pool, "status = \"disabled\";")),
				Kind.STATUS_CHANGED);
		assertEquals("no status", status.leftValue());
		assertEquals("\"disabled\"", status.rightValue());
		MapDifference compatible = only(compareRegions(String.format(pool, ""),
				"pool@90000000 { compatible = \"restricted-dma-pool\"; reg = <0x0 0x90000000 0x0 0x400000>; };\n"), Kind.COMPATIBLE_CHANGED);
		assertEquals("\"shared-dma-pool\"", compatible.leftValue());
		assertEquals("\"restricted-dma-pool\"", compatible.rightValue());
	}

	@Test
	void sizeOnlyRegionIsComparedAtItsPredictedPlace() {
		// Top-down in the only bank, 64-byte alignment: the pool ends where RAM ends.
		String pool = "pool { size = <0x0 0x100000>; };\n";
		List<MapDifference> differences = compare(board("", RAM, pool),
				board("", "memory@80000000 { device_type = \"memory\"; reg = <0x0 0x80000000 0x0 0x20000000>; };\n", pool));
		assertEquals(List.of(Kind.BANK_CHANGED, Kind.MOVED), differences.stream().map(MapDifference::kind).toList());
		assertEquals("0xbff00000", differences.get(1).leftValue());
		assertEquals("0x9ff00000", differences.get(1).rightValue());
	}

	@Test
	void sizeOnlyOnOneSideAndRegOnTheOtherIsAnAllocationChange() {
		List<MapDifference> differences = compareRegions("pool { size = <0x0 0x100000>; };\n",
				"pool { reg = <0x0 0xbff00000 0x0 0x100000>; };\n");
		assertEquals(List.of(Kind.ALLOCATION_CHANGED), differences.stream().map(MapDifference::kind).toList(),
				"reg at the predicted place: only how it is allocated differs");
	}

	@Test
	void memoryBanksAddedRemovedAndChanged() {
		String second = "memory@100000000 { device_type = \"memory\"; reg = <0x1 0x0 0x0 0x40000000>; };\n";
		assertEquals("/memory@100000000", only(compare(board("", RAM, ""), board("", RAM + second, "")), Kind.BANK_ADDED).rightPath());
		assertEquals("/memory@100000000", only(compare(board("", RAM + second, ""), board("", RAM, "")), Kind.BANK_REMOVED).leftPath());
		MapDifference changed = only(compare(board("", RAM, ""), board("", RAM.replace("0x40000000", "0x80000000"), "")), Kind.BANK_CHANGED);
		assertEquals("0x80000000..0xbfffffff (0x40000000)", changed.leftValue());
		assertEquals("0x80000000..0xffffffff (0x80000000)", changed.rightValue());
	}

	@Test
	void memreserveEntriesAddedRemovedAndChanged() {
		String one = "/memreserve/ 0x80000000 0x1000;\n";
		String two = one + "/memreserve/ 0x90000000 0x2000;\n";
		assertEquals("0x90000000..0x90001fff (0x2000)", only(compare(board(one, RAM, ""), board(two, RAM, "")), Kind.MEMRESERVE_ADDED).rightValue());
		MapDifference removed = only(compare(board(two, RAM, ""), board(one, RAM, "")), Kind.MEMRESERVE_REMOVED);
		assertEquals("/memreserve/1", removed.leftPath());
		assertEquals(3, removed.leftAt().line());
		MapDifference changed = only(compare(board(one, RAM, ""), board(one.replace("0x1000", "0x4000"), RAM, "")), Kind.MEMRESERVE_CHANGED);
		assertEquals("0x80000000..0x80003fff (0x4000)", changed.rightValue());
	}

	@Test
	void compositeAgainstItsBase() {
		Boards boards = new Boards(dir);
		Path base = boards.write("base.dts", board("", RAM, "camera: " + CAMERA + "adsp: adsp@86100000 { reg = <0x0 0x86100000 0x0 0x2800000>; no-map; };\n"));
		Path composite = boards.write("composite.dts", """
				#include "base.dts"
				&camera {
					reg = <0x0 0x84300000 0x0 0xa00000>;
				};
				/delete-node/ &adsp;
				&{/reserved-memory} {
					video@90000000 { reg = <0x0 0x90000000 0x0 0x100000>; };
				};
				""");
		List<MapDifference> differences = MemoryMapComparison.compare(boards.check(base).memoryMap(),
				boards.check(composite).memoryMap(), KernelProfile.DEFAULT);
		assertEquals(List.of(Kind.RESIZED, Kind.REGION_REMOVED, Kind.REGION_ADDED), differences.stream().map(MapDifference::kind).toList());
		assertEquals(base, differences.get(0).leftAt().file());
		assertEquals(composite, differences.get(0).rightAt().file());
		assertEquals(3, differences.get(0).rightAt().line());
		assertEquals("/reserved-memory/adsp@86100000", differences.get(1).leftPath());
		assertEquals("/reserved-memory/video@90000000", differences.get(2).rightPath());
		assertTrue(Kind.RESIZED.description().contains("size"));
	}
}
