package dev.carveout.memmap.rules;

import java.util.List;

import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.MemoryMap;
import dev.carveout.memmap.Region;
import dev.carveout.memmap.Severity;

/** R8: two available static regions share memory; the kernel warns and reserves both anyway. */
final class OverlappingRegions implements Rule {

	@Override
	public String id() {
		return "R8";
	}

	@Override
	public String name() {
		return "reserved_memory_overlap";
	}

	@Override
	public Severity defaultSeverity() {
		return Severity.ERROR;
	}

	@Override
	public String citation() {
		return "drivers/of/of_reserved_mem.c: __rmem_check_for_overlap() prints \"OVERLAP DETECTED!\"";
	}

	@Override
	public void check(MemoryMap map, Sink sink) {
		List<Region> regions = map.regions().stream()
				.filter(Region::available).filter(r -> r.reg() != null).toList();
		for (int i = 0; i < regions.size(); i++) {
			for (int j = i + 1; j < regions.size(); j++) {
				reportOverlaps(regions.get(i), regions.get(j), sink);
			}
		}
	}

	private void reportOverlaps(Region a, Region b, Sink sink) {
		for (AddressRange ra : a.reg()) {
			for (AddressRange rb : b.reg()) {
				if (ra.overlaps(rb)) {
					String message = String.format(
							"%s %s overlaps %s %s (defined at %s): the kernel prints \"OVERLAP DETECTED!\" and reserves both",
							a.name(), ra, b.name(), rb, b.definedAt("reg"));
					sink.accept(new Finding(id(), defaultSeverity(), message, a.definedAt("reg"), a.path()));
				}
			}
		}
	}
}
