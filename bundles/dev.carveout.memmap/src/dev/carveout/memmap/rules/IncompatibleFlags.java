package dev.carveout.memmap.rules;

import java.util.ArrayList;
import java.util.List;

import dev.carveout.memmap.Region;
import dev.carveout.memmap.Severity;

/**
 * R6: no-map and reusable contradict each other (the kernel cannot both unmap memory and lend it to the page
 * allocator), and a restricted-dma-pool takes none of no-map, reusable or a default flag: the region's
 * setup fails ("compatible matching fail") and its memory is given back.
 */
final class IncompatibleFlags extends RegionRule {

	IncompatibleFlags() {
		super("R6", "reserved_memory_flags", Severity.ERROR,
				"kernel/dma/contiguous.c rmem_cma_setup(), coherent.c rmem_dma_setup(), swiotlb.c rmem_swiotlb_setup() return -EINVAL",
				"Flags that make the pool's setup fail. no-map together with reusable, or a restricted-dma-pool with no-map, reusable or a default flag: the pool's setup fails (\"compatible matching fail\") and the memory is given back to the kernel.");
	}

	@Override
	void check(Region region, RuleContext context, Sink sink) {
		if (region.noMap() && region.reusable()) {
			report(sink, region, "reusable", "is both no-map and reusable: "
					+ (region.compatible().contains("shared-dma-pool")
							? "neither the CMA nor the coherent pool setup accepts it; the kernel prints \"compatible matching fail\" and gives the memory back"
							: "the kernel cannot unmap memory and lend it to the page allocator at once")
					+ " — drop one of them");
		}
		if (region.compatible().contains("restricted-dma-pool")) {
			List<String> bad = new ArrayList<>();
			if (region.noMap()) {
				bad.add("no-map");
			}
			if (region.reusable()) {
				bad.add("reusable");
			}
			if (region.linuxCmaDefault()) {
				bad.add("linux,cma-default");
			}
			if (region.linuxDmaDefault()) {
				bad.add("linux,dma-default");
			}
			if (!bad.isEmpty()) {
				report(sink, region, bad.get(0), "restricted-dma-pool with " + String.join(", ", bad)
						+ ": rmem_swiotlb_setup() refuses it and the kernel prints \"compatible matching fail\"");
			}
		}
	}
}
