package dev.carveout.memmap;

/**
 * {@code [base, base + size)} of physical memory. Values are unsigned 64-bit, as in the flattened tree; an
 * end past 2^64 saturates, which is what makes such a range overlap everything above its base.
 */
public record AddressRange(long base, long size) {

	public long end() {
		long end = base + size;
		return Long.compareUnsigned(end, base) < 0 ? -1L : end;
	}

	public boolean isEmpty() {
		return size == 0;
	}

	/** Touching ranges ({@code end == base}) do not overlap, as in the kernel's __rmem_check_for_overlap. */
	public boolean overlaps(AddressRange other) {
		if (isEmpty() || other.isEmpty()) {
			return false;
		}
		return Long.compareUnsigned(base, other.end()) < 0 && Long.compareUnsigned(other.base, end()) < 0;
	}

	public boolean contains(AddressRange other) {
		return Long.compareUnsigned(base, other.base) <= 0 && Long.compareUnsigned(other.end(), end()) <= 0;
	}

	public static String hex(long value) {
		return "0x" + Long.toHexString(value);
	}

	@Override
	public String toString() {
		return hex(base) + ".." + hex(end() - 1) + " (" + hex(size) + ")";
	}
}
