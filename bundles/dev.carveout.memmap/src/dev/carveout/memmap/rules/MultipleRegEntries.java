package dev.carveout.memmap.rules;

import dev.carveout.memmap.Region;
import dev.carveout.memmap.Severity;

/** R4: only the first reg entry becomes the node's reserved-memory region; the others are reserved but never registered. */
final class MultipleRegEntries extends RegionRule {

	MultipleRegEntries() {
		super("R4", "reserved_memory_multiple_reg", Severity.WARNING,
				"drivers/of/of_reserved_mem.c: fdt_scan_reserved_mem_reg_nodes() \"ignores %d regions in node\"",
				"Several reg entries in one region. A region with several reg entries: Linux reserves them all but registers only the first (\"ignores N regions in node\"), so a driver using memory-region sees one region.");
	}

	@Override
	void check(Region region, RuleContext context, Sink sink) {
		if (region.reg() != null && region.reg().size() > 1) {
			int ignored = region.reg().size() - 1;
			report(sink, region, "reg", String.format("has %d reg entries: the kernel reserves them all but registers only the first "
					+ "(\"ignores %d regions in node\"); drivers using memory-region see one region — split it into one node per entry",
					region.reg().size(), ignored));
		}
	}
}
