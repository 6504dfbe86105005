package dev.carveout.memmap;

import java.util.Set;

/**
 * The kernel a board boots: arm64 page size and version. What the reserved-memory code does depends on both
 * (the CMA alignment most of all).
 */
public record KernelProfile(int pageSizeKiB, KernelVersion version) {

	// Before DEFAULT: the constructor below checks against it while the class initializes.
	private static final Set<Integer> PAGE_SIZES = Set.of(4, 16, 64);

	public static final KernelProfile DEFAULT = new KernelProfile(4, new KernelVersion(6, 12));

	public KernelProfile {
		if (!PAGE_SIZES.contains(pageSizeKiB)) {
			throw new IllegalArgumentException("arm64 page size must be 4, 16 or 64 KiB: " + pageSizeKiB);
		}
	}

	/**
	 * CMA_MIN_ALIGNMENT_BYTES (include/linux/cma.h): PAGE_SIZE * pageblock_nr_pages from 5.19 on, which on
	 * arm64 is the huge page size (2 MiB, 32 MiB, 512 MiB); before 5.19, PAGE_SIZE << (MAX_ORDER - 1),
	 * 4 MiB with 4K pages.
	 */
	public long cmaMinAlignment() {
		return switch (pageSizeKiB) {
			case 4 -> version.atLeast(5, 19) ? 2L << 20 : 4L << 20;
			case 16 -> 32L << 20;
			default -> 512L << 20;
		};
	}

	/** rmem_cma_setup()'s test: base and size both multiples of CMA_MIN_ALIGNMENT_BYTES. */
	public boolean cmaAligned(long base, long size) {
		return ((base | size) & (cmaMinAlignment() - 1)) == 0;
	}

	@Override
	public String toString() {
		return "Linux " + version + ", " + pageSizeKiB + "K pages";
	}
}
