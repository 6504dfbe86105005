package dev.carveout.memmap.rules;

import java.util.List;

import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.MemReserve;
import dev.carveout.memmap.Region;
import dev.carveout.memmap.Severity;

/**
 * R8: two available static regions share memory (the kernel warns "OVERLAP DETECTED!" and reserves both),
 * or a region overlaps a /memreserve/ entry. Every reg entry counts, also two of one node; touching ranges do not.
 */
final class OverlappingRegions extends AbstractRule {

	OverlappingRegions() {
		super("R8", "reserved_memory_overlap", Severity.ERROR,
				"drivers/of/of_reserved_mem.c: __rmem_check_for_overlap() prints \"OVERLAP DETECTED!\"",
				"Overlapping reserved regions. Two available static regions share memory (Linux prints \"OVERLAP DETECTED!\" and reserves both, so two drivers own the same memory), or a region overlaps a /memreserve/ entry.");
	}

	@Override
	public void check(RuleContext context, Sink sink) {
		List<Region> regions = context.availableRegions().stream().filter(r -> r.reg() != null).toList();
		for (int i = 0; i < regions.size(); i++) {
			Region a = regions.get(i);
			for (int ia = 0; ia < a.reg().size(); ia++) {
				for (int ib = ia + 1; ib < a.reg().size(); ib++) {
					report(a, a.reg().get(ia), a, a.reg().get(ib), sink);
				}
				for (int j = i + 1; j < regions.size(); j++) {
					for (AddressRange rb : regions.get(j).reg()) {
						report(a, a.reg().get(ia), regions.get(j), rb, sink);
					}
				}
				for (MemReserve reserve : context.map().memreserve()) {
					if (a.reg().get(ia).overlaps(reserve.range())) {
						sink.accept(finding(String.format(
								"%s %s overlaps /memreserve/ entry %d %s (defined at %s): the memory is reserved twice",
								a.name(), a.reg().get(ia), reserve.index(), reserve.range(), reserve.definedAt()),
								a.definedAt("reg"), a.path(),
								new Finding.Related("/memreserve/ entry " + reserve.index() + " " + reserve.range(), reserve.definedAt())));
					}
				}
			}
		}
	}

	private void report(Region a, AddressRange ra, Region b, AddressRange rb, Sink sink) {
		if (ra.overlaps(rb)) {
			String message = String.format(
					"%s %s overlaps %s %s (defined at %s): the kernel prints \"OVERLAP DETECTED!\" and reserves both",
					a.name(), ra, b.name(), rb, b.definedAt("reg"));
			sink.accept(finding(message, a.definedAt("reg"), a.path(), new Finding.Related(b.name() + " " + rb, b.definedAt("reg"))));
		}
	}
}
