package dev.carveout.memmap.rules;

import dev.carveout.memmap.Finding;
import dev.carveout.memmap.MemoryMap.RegionUse;
import dev.carveout.memmap.Severity;

/** R14: a device's memory-region must name a live child of /reserved-memory, or the driver gets no memory. */
final class MemoryRegionReferences implements Rule {

	@Override
	public String id() {
		return "R14";
	}

	@Override
	public String name() {
		return "memory_region_reference";
	}

	@Override
	public Severity defaultSeverity() {
		return Severity.ERROR;
	}

	@Override
	public String citation() {
		return "drivers/of/of_reserved_mem.c: of_reserved_mem_device_init_by_idx() finds no reserved_mem for the node (-ENODEV)";
	}

	@Override
	public void check(RuleContext context, Sink sink) {
		for (RegionUse use : context.map().regionUses()) {
			String problem = !use.targetInReservedMemory() ? "is not a child of /reserved-memory"
					: !use.targetAvailable() ? "is disabled" : null;
			if (problem != null) {
				sink.accept(new Finding(id(), defaultSeverity(), String.format(
						"memory-region[%d] points to %s, which %s: of_reserved_mem_device_init() gives the device no reserved memory",
						use.index(), use.targetPath(), problem), use.definedAt(), use.devicePath()));
			}
		}
	}
}
