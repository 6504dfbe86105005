package dev.carveout.memmap.rules;

import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.Region;
import dev.carveout.memmap.Severity;

/** R5: a region of size 0 reserves nothing; the kernel reports a failure for it. */
final class ZeroSize extends RegionRule {

	ZeroSize() {
		super("R5", "reserved_memory_zero_size", Severity.WARNING,
				"drivers/of/of_reserved_mem.c: __reserved_mem_reserve_reg() \"failed to reserve memory\" for size 0",
				"Region of size 0. A region of size 0: Linux prints \"failed to reserve memory\" or \"failed to allocate memory\" and the region does not exist.");
	}

	@Override
	void check(Region region, RuleContext context, Sink sink) {
		if (region.reg() != null) {
			for (int i = 0; i < region.reg().size(); i++) {
				AddressRange range = region.reg().get(i);
				if (range.isEmpty()) {
					report(sink, region, "reg", "reg entry " + i + " at " + AddressRange.hex(range.base())
							+ " has size 0: the kernel prints \"failed to reserve memory\" and reserves nothing");
				}
			}
		} else if (region.size() != null && region.size() == 0) {
			report(sink, region, "size", "size is 0: the kernel cannot place it (\"failed to allocate memory for node\")");
		}
	}
}
