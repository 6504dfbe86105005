package dev.carveout.memmap.rules;

import java.util.List;

import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.MemoryBank;
import dev.carveout.memmap.Region;
import dev.carveout.memmap.Severity;

/**
 * R11: a static region outside every /memory bank carves nothing out of RAM: most often a typo in the
 * address. Skipped when the banks are size-0 placeholders that the bootloader fills in.
 */
final class OutsideMemory extends RegionRule {

	OutsideMemory() {
		super("R11", "reserved_memory_outside_ram", Severity.WARNING,
				"drivers/of/of_reserved_mem.c: early_init_dt_reserve_memory() reserves it in memblock whether or not it is RAM",
				"Region outside RAM. A static region outside every /memory bank: the kernel reserves it in memblock all the same, but it is not RAM of the board (a wrong base, or a bank missing from /memory).");
	}

	@Override
	void check(Region region, RuleContext context, Sink sink) {
		List<AddressRange> ram = context.map().memory().stream().filter(b -> !b.isPlaceholder())
				.flatMap(b -> b.reg().stream()).filter(r -> !r.isEmpty()).toList();
		if (ram.isEmpty() || region.reg() == null) {
			return;
		}
		for (AddressRange range : region.reg()) {
			if (!range.isEmpty() && ram.stream().noneMatch(bank -> bank.contains(range))) {
				report(sink, region, "reg", String.format("%s %s is not inside any /memory bank (%s): it reserves no RAM",
						region.name(), range, describe(context.map().memory())));
			}
		}
	}

	private static String describe(List<MemoryBank> banks) {
		return String.join(", ", banks.stream().flatMap(b -> b.reg().stream()).map(AddressRange::toString).toList());
	}
}
