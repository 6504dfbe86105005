package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.carveout.dts.check.DtbMemoryMap;
import dev.carveout.memmap.KernelProfile;
import dev.carveout.memmap.MemoryMap;
import dev.carveout.memmap.Region;
import dev.carveout.memmap.compare.MemoryMapComparison;

/** A DTB's memory map, read through the same extractor as the source dtc compiled it from. */
class DtbMemoryMapTest {

	@TempDir
	Path dir;

	@Test
	void dtbOfABoardHasTheBoardsMemoryMap() throws Exception {
		Boards boards = new Boards(dir);
		Path board = boards.write("board.dts", """
				/dts-v1/;
				/memreserve/ 0x80000000 0x1000;
				/ {
					#address-cells = <2>;
					#size-cells = <2>;
					memory@80000000 { device_type = "memory"; reg = <0x0 0x80000000 0x0 0x40000000>; };
					memory@100000000 { device_type = "memory"; reg = <0x1 0x0 0x0 0x40000000>; };
					reserved-memory {
						#address-cells = <2>;
						#size-cells = <2>;
						ranges;
						camera_mem: camera@84300000 { reg = <0x0 0x84300000 0x0 0x800000>; no-map; };
						linux,cma { compatible = "shared-dma-pool"; size = <0x0 0x2000000>; alignment = <0x0 0x400000>;
							alloc-ranges = <0x0 0x80000000 0x0 0x40000000>; reusable; linux,cma-default; };
						off@90000000 { reg = <0x0 0x90000000 0x0 0x1000>; status = "disabled"; };
					};
					camera { memory-region = <&camera_mem>; };
				};
				""");
		Path dtb = dir.resolve("board.dtb");
		Files.write(dtb, Dtc.compile(board));
		MemoryMap source = boards.check(board).memoryMap();
		MemoryMap compiled = DtbMemoryMap.read(dtb);
		assertEquals(List.of(), MemoryMapComparison.compare(source, compiled, KernelProfile.DEFAULT));
		assertEquals(source.memreserve().get(0).range(), compiled.memreserve().get(0).range());
		assertEquals(source.memory().stream().map(b -> b.reg()).toList(), compiled.memory().stream().map(b -> b.reg()).toList());
		Region cma = compiled.regions().get(1);
		assertEquals(0x2000000L, cma.size());
		assertEquals(0x400000L, cma.alignment());
		assertEquals(source.regions().get(1).allocRanges(), cma.allocRanges());
		assertFalse(cma.definedAt("size").isKnown(), "a DTB has no source lines");
	}
}
