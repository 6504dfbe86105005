package dev.carveout.memmap.rules;

import dev.carveout.memmap.Region;
import dev.carveout.memmap.Severity;

/**
 * R2: the kernel checks each property's length against the root's cells and skips the node when it is off:
 * reg and alloc-ranges a multiple of (address + size) cells, size exactly the size cells, alignment exactly
 * the ADDRESS cells (as __reserved_mem_alloc_size reads it, whatever the binding says). A length of -1
 * means the value could not be computed (an unexpanded macro) and is not judged.
 */
final class PropertyLengths extends RegionRule {

	PropertyLengths() {
		super("R2", "reserved_memory_property_length", Severity.ERROR,
				"drivers/of/of_reserved_mem.c: \"invalid reg|size|alignment|alloc-ranges property\" in __reserved_mem_reserve_reg() and __reserved_mem_alloc_size()",
				"Property length the kernel rejects. reg and alloc-ranges must be a multiple of address+size cells, size exactly the size cells and alignment exactly the address cells (as the kernel reads it): otherwise Linux prints \"invalid ... property\" and skips the node.");
	}

	@Override
	void check(Region region, RuleContext context, Sink sink) {
		int entry = (context.addressCells() + context.sizeCells()) * 4;
		Integer reg = region.propertyLengths().get("reg");
		if (reg != null && reg > 0 && reg % entry != 0) {
			report(sink, region, "reg", String.format("reg is %d bytes, not a multiple of %d (%d address + %d size cells): "
					+ "the kernel prints \"invalid reg property\" and skips the node", reg, entry, context.addressCells(), context.sizeCells()));
		}
		if (reg != null) {
			return; // size, alignment and alloc-ranges are only read for regions without reg
		}
		exact(region, sink, "size", context.sizeCells(), "size");
		exact(region, sink, "alignment", context.addressCells(), "address");
		Integer ranges = region.propertyLengths().get("alloc-ranges");
		if (ranges != null && ranges >= 0 && ranges % entry != 0) {
			report(sink, region, "alloc-ranges", String.format("alloc-ranges is %d bytes, not a multiple of %d: "
					+ "the kernel prints \"invalid alloc-ranges property\" and skips the node", ranges, entry));
		}
	}

	private void exact(Region region, Sink sink, String property, int cells, String which) {
		Integer length = region.propertyLengths().get(property);
		if (length != null && length >= 0 && length != cells * 4) {
			report(sink, region, property, String.format("%s is %d bytes but the root's %s cells make it %d: "
					+ "the kernel prints \"invalid %s property\" and skips the node", property, length, which, cells * 4, property));
		}
	}
}
