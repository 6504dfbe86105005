package dev.carveout.memmap.rules;

import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.DynamicPlacement;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.Severity;

/** R9: a region with a size must fit somewhere once the static ones are taken, or the kernel never creates it. */
final class DynamicRegionPlacement implements Rule {

	@Override
	public String id() {
		return "R9";
	}

	@Override
	public String name() {
		return "reserved_memory_placement";
	}

	@Override
	public Severity defaultSeverity() {
		return Severity.ERROR;
	}

	@Override
	public String citation() {
		return "drivers/of/of_reserved_mem.c: __reserved_mem_alloc_size() \"failed to allocate memory for node\" (memblock top-down search)";
	}

	@Override
	public void check(RuleContext context, Sink sink) {
		for (DynamicPlacement.Placement p : DynamicPlacement.place(context.map(), context.profile())) {
			if (p.range() == null) {
				sink.accept(new Finding(id(), defaultSeverity(), String.format(
						"%s (size %s, alignment %s) cannot be placed: %s; the kernel prints \"failed to allocate memory for node '%s'\"",
						p.region().name(), AddressRange.hex(p.size()), AddressRange.hex(p.alignment()), p.failure(), p.region().name()),
						p.region().definedAt("size"), p.region().path()));
			}
		}
	}
}
