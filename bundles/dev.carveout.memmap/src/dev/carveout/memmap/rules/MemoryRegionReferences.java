package dev.carveout.memmap.rules;

import dev.carveout.memmap.MemoryMap.RegionUse;
import dev.carveout.memmap.Severity;

/** R14: a device's memory-region must name a live child of /reserved-memory, or the driver gets no memory. */
final class MemoryRegionReferences extends AbstractRule {

	MemoryRegionReferences() {
		super("R14", "memory_region_reference", Severity.ERROR,
				"drivers/of/of_reserved_mem.c: of_reserved_mem_device_init_by_idx() finds no reserved_mem for the node (-ENODEV)",
				"memory-region that gives the driver nothing. A device's memory-region points to a disabled node or to a node outside /reserved-memory: the kernel finds no reserved memory for it and the driver gets none (-ENODEV).");
	}

	@Override
	public void check(RuleContext context, Sink sink) {
		for (RegionUse use : context.map().regionUses()) {
			String problem = !use.targetInReservedMemory() ? "is not a child of /reserved-memory"
					: !use.targetAvailable() ? "is disabled" : null;
			if (problem != null) {
				sink.accept(finding(String.format(
						"memory-region[%d] points to %s, which %s: of_reserved_mem_device_init() gives the device no reserved memory",
						use.index(), use.targetPath(), problem), use.definedAt(), use.devicePath()));
			}
		}
	}
}
