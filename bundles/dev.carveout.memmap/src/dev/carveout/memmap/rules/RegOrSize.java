package dev.carveout.memmap.rules;

import dev.carveout.memmap.Region;
import dev.carveout.memmap.Severity;

/** R3: a region has either a fixed reg or a size to be placed at boot; with both, size is ignored, with neither, nothing is reserved. */
final class RegOrSize extends RegionRule {

	RegOrSize() {
		super("R3", "reserved_memory_reg_or_size", Severity.WARNING,
				"drivers/of/of_reserved_mem.c: fdt_scan_reserved_mem() only places nodes whose reg is absent (-ENOENT) and that have size",
				"Neither or both of reg and size. A region needs exactly one of reg (a static region) and size (placed at boot): with both the size is ignored, with neither nothing is reserved.");
	}

	@Override
	void check(Region region, RuleContext context, Sink sink) {
		if (region.has("reg") && region.has("size")) {
			report(sink, region, "size", "has both reg and size: the kernel reserves reg and ignores size"
					+ (region.has("alloc-ranges") ? ", alignment and alloc-ranges" : " and alignment"));
		} else if (!region.has("reg") && !region.has("size")) {
			report(sink, region, "", "has neither reg nor size: the kernel reserves nothing for it");
		}
	}
}
