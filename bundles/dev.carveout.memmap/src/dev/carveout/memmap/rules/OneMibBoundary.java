package dev.carveout.memmap.rules;

import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.Region;
import dev.carveout.memmap.Severity;

/** R13: carve-outs start and end on 1 MiB boundaries (the Qualcomm memory-map guide's rule; the kernel does not care). */
final class OneMibBoundary extends RegionRule {

	private static final long MIB = 1L << 20;

	OneMibBoundary() {
		super("R13", "reserved_memory_1mib", Severity.INFO,
				"Qualcomm Linux memory-map guide: carve-outs on 1 MiB boundaries (not a kernel requirement)",
				"Carve-out off a 1 MiB boundary. A carve-out whose base or size is not on a 1 MiB boundary; the Qualcomm Linux memory-map guide asks for 1 MiB boundaries (the kernel itself does not).");
	}

	@Override
	void check(Region region, RuleContext context, Sink sink) {
		if (region.reg() == null) {
			return;
		}
		for (AddressRange range : region.reg()) {
			boolean base = range.base() % MIB == 0;
			boolean size = range.size() % MIB == 0;
			if (!base || !size) {
				report(sink, region, "reg", String.format("%s %s: %s not on a 1 MiB boundary", region.name(), range,
						!base && !size ? "base and size are" : !base ? "base is" : "size is"));
			}
		}
	}
}
