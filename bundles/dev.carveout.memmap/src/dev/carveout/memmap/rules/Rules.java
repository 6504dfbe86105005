package dev.carveout.memmap.rules;

import java.util.List;

/** Every rule, in the order they run (as dtc's checks.c lists its checks). */
public final class Rules {

	public static final List<Rule> ALL = List.of(
			new ReservedMemoryFormat(),     // R1  cells and ranges of /reserved-memory
			new PropertyLengths(),          // R2  reg, size, alignment, alloc-ranges lengths
			new RegOrSize(),                // R3  exactly one of reg and size
			new MultipleRegEntries(),       // R4  only the first reg entry is registered
			new ZeroSize(),                 // R5  size 0
			new IncompatibleFlags(),        // R6  no-map + reusable; restricted-dma-pool flags
			new CmaAlignment(),             // R7  CMA_MIN_ALIGNMENT_BYTES
			new OverlappingRegions(),       // R8  overlaps, also with /memreserve/
			new DynamicRegionPlacement(),   // R9  dynamic regions fit in free RAM
			new CmaDefault(),               // R10 one linux,cma-default, on a CMA region
			new OutsideMemory(),            // R11 inside a /memory bank
			new UnitAddressVsReg(),         // R12 unit address = first reg base, well formed
			new OneMibBoundary(),           // R13 1 MiB boundaries (Qualcomm guide)
			new MemoryRegionReferences());  // R14 memory-region points to a live carve-out

	private Rules() {
	}

	public static Rule byId(String id) {
		return ALL.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
	}
}
