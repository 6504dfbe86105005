package dev.carveout.memmap.rules;

import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.DynamicPlacement;
import dev.carveout.memmap.Severity;

/** R9: a region with a size must fit somewhere once the static ones are taken, or the kernel never creates it. */
final class DynamicRegionPlacement extends AbstractRule {

	DynamicRegionPlacement() {
		super("R9", "reserved_memory_placement", Severity.ERROR,
				"drivers/of/of_reserved_mem.c: __reserved_mem_alloc_size() \"failed to allocate memory for node\" (memblock top-down search)",
				"Dynamic region that cannot be placed. A region with size and no reg is placed by memblock at boot, after the static ones, top-down within each alloc-ranges entry and with its alignment; one that does not fit gets \"failed to allocate memory for node\".");
	}

	@Override
	public void check(RuleContext context, Sink sink) {
		for (DynamicPlacement.Placement p : DynamicPlacement.place(context.map(), context.profile())) {
			if (p.range() == null) {
				sink.accept(finding(String.format(
						"%s (size %s, alignment %s) cannot be placed: %s; the kernel prints \"failed to allocate memory for node '%s'\"",
						p.region().name(), AddressRange.hex(p.size()), AddressRange.hex(p.alignment()), p.failure(), p.region().name()),
						p.region().definedAt("size"), p.region().path()));
			}
		}
	}
}
