package dev.carveout.memmap.rules;

import java.util.List;

import dev.carveout.memmap.KernelProfile;
import dev.carveout.memmap.MemoryMap;
import dev.carveout.memmap.Region;

/** What a rule looks at: the board's memory map and the kernel that will read it. */
public record RuleContext(MemoryMap map, KernelProfile profile) {

	/** The regions the kernel reads: none when it ignores the whole /reserved-memory node (R1). */
	public List<Region> regionsTheKernelReads() {
		return map.kernelIgnoresReservedMemory() ? List.of() : map.regions();
	}

	public List<Region> availableRegions() {
		return regionsTheKernelReads().stream().filter(Region::available).toList();
	}

	public int addressCells() {
		return map.rootAddressCells();
	}

	public int sizeCells() {
		return map.rootSizeCells();
	}
}
