package dev.carveout.memmap.rules;

import java.util.List;

/** Every rule, in the order they run (as dtc's checks.c lists its checks). */
public final class Rules {

	public static final List<Rule> ALL = List.of(
			new OverlappingRegions(),       // R8
			new UnitAddressVsReg());        // R12

	private Rules() {
	}

	public static Rule byId(String id) {
		return ALL.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
	}
}
