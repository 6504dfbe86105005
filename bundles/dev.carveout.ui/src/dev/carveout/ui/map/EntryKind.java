package dev.carveout.ui.map;

/** What a memory-map entry is to the kernel, which decides its colour on the map and its kind in the table. */
public enum EntryKind {
	/** A /reserved-memory child with no-map: removed from the linear map, the CPU never touches it. */
	NO_MAP("no-map carve-out"),
	/** compatible "shared-dma-pool" with reusable: the kernel lends it to movable pages until a driver allocates. */
	CMA("CMA pool"),
	/** Any other /reserved-memory child: reserved but still mapped. */
	RESERVED("reserved (mapped)"),
	/** A /memreserve/ entry of the flattened-tree header. */
	MEMRESERVE("/memreserve/"),
	/** A region the kernel reserved at boot (its boot log says so) that the sources do not declare. */
	BOOT_ONLY("only in the boot log");

	private final String label;

	EntryKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
