package dev.carveout.memmap.rules;

import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.Region;
import dev.carveout.memmap.Severity;

/**
 * R7: a CMA region (shared-dma-pool + reusable) must start and end on CMA_MIN_ALIGNMENT_BYTES, else the
 * kernel prints "incorrect alignment of CMA region" and drops it. A dynamic one gets an aligned base from the
 * kernel, so only its size can be wrong.
 */
final class CmaAlignment extends RegionRule {

	CmaAlignment() {
		super("R7", "cma_alignment", Severity.ERROR,
				"kernel/dma/contiguous.c: rmem_cma_setup() \"incorrect alignment of CMA region\" (IS_ALIGNED(base | size, CMA_MIN_ALIGNMENT_BYTES))",
				"Misaligned CMA region. A static CMA region (shared-dma-pool, reusable) whose base or size is not a multiple of CMA_MIN_ALIGNMENT_BYTES for the kernel profile (4K pages: 2 MiB from 5.19, 4 MiB before; 16K: 32 MiB; 64K: 512 MiB): Linux prints \"incorrect alignment of CMA region\" and drops it.");
	}

	@Override
	void check(Region region, RuleContext context, Sink sink) {
		if (!region.isCma() || region.noMap()) {
			return; // a no-map CMA region is R6's
		}
		long align = context.profile().cmaMinAlignment();
		String requirement = String.format("CMA_MIN_ALIGNMENT_BYTES is %s for %s", mib(align), context.profile());
		if (region.reg() != null && !region.reg().isEmpty()) {
			AddressRange first = region.reg().get(0);
			if (!context.profile().cmaAligned(first.base(), first.size())) {
				report(sink, region, "reg", String.format("CMA region %s is not aligned (%s): the kernel prints "
						+ "\"incorrect alignment of CMA region\" and drops it", first, requirement));
			}
		} else if (region.size() != null && (region.size() & (align - 1)) != 0) {
			report(sink, region, "size", String.format("CMA size %s is not a multiple of the CMA alignment (%s): the kernel "
					+ "prints \"incorrect alignment of CMA region\" and drops it", AddressRange.hex(region.size()), requirement));
		}
	}

	static String mib(long bytes) {
		return bytes % (1L << 20) == 0 ? (bytes >>> 20) + " MiB" : AddressRange.hex(bytes);
	}
}
