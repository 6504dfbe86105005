package dev.carveout.memmap;

import java.util.List;

/**
 * A board's physical memory map as declared in its effective tree: RAM banks, /memreserve/ entries and the
 * /reserved-memory regions, with the root's cell sizes that Linux decodes them with.
 *
 * @param reservedMemory null when the tree has no /reserved-memory node
 */
public record MemoryMap(int rootAddressCells, int rootSizeCells, List<MemoryBank> memory, List<MemReserve> memreserve,
		ReservedMemory reservedMemory, List<RegionUse> regionUses) {

	public List<Region> regions() {
		return reservedMemory == null ? List.of() : reservedMemory.regions();
	}

	/**
	 * Linux's __reserved_mem_check_root: /reserved-memory must use the root's cell sizes and have "ranges",
	 * or the kernel ignores all of it.
	 */
	public boolean kernelIgnoresReservedMemory() {
		return reservedMemory != null && (reservedMemory.addressCells() == null || reservedMemory.addressCells() != rootAddressCells
				|| reservedMemory.sizeCells() == null || reservedMemory.sizeCells() != rootSizeCells || !reservedMemory.hasRanges());
	}

	/**
	 * A device's {@code memory-region} reference: the node it names, and whether that is a live child of
	 * /reserved-memory (of_reserved_mem_lookup finds nothing else).
	 */
	public record RegionUse(String devicePath, int index, String targetPath, boolean targetInReservedMemory,
			boolean targetAvailable, SourceRef definedAt) {
	}

	/** The /reserved-memory node itself: its own cells and ranges matter to the kernel (it ignores a bad one). */
	public record ReservedMemory(String path, Integer addressCells, Integer sizeCells, boolean hasRanges,
			boolean emptyRanges, List<Region> regions, SourceRef definedAt) {
	}
}
