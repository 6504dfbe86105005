package dev.carveout.memmap;

import java.util.List;

/** A /memory node: RAM the kernel may use, unless carved out. */
public record MemoryBank(String path, List<AddressRange> reg, SourceRef definedAt) {

	/** Bootloaders fill in sizes of 0 written as placeholders; such a bank tells nothing about RAM. */
	public boolean isPlaceholder() {
		return reg.stream().allMatch(AddressRange::isEmpty);
	}
}
