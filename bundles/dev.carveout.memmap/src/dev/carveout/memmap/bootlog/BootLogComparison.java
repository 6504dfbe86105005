package dev.carveout.memmap.bootlog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.KernelProfile;
import dev.carveout.memmap.MemoryMap;
import dev.carveout.memmap.Region;
import dev.carveout.memmap.Severity;
import dev.carveout.memmap.SourceRef;
import dev.carveout.memmap.bootlog.BootLogDifference.Kind;
import dev.carveout.memmap.bootlog.KernelBootModel.Registered;

/**
 * Where the board disagrees with its source: the regions the kernel registered at boot (its "OF: reserved
 * mem:" lines) against the ones the memory map declares. Missing, extra, moved, resized or differently
 * flagged regions become findings on the DTS node that declares them.
 */
public final class BootLogComparison {

	public static final String RULE = "BOOT";

	private BootLogComparison() {
	}

	/** The differences as findings on the nodes that declare them (an extra region on /reserved-memory). */
	public static List<Finding> compare(MemoryMap map, KernelProfile profile, List<BootLogEvent> log) {
		List<Finding> findings = new ArrayList<>();
		for (BootLogDifference difference : differences(map, profile, log)) {
			if (difference.region() != null) {
				findings.add(new Finding(RULE, Severity.WARNING, difference.message(),
						difference.region().definedAt(difference.property()), difference.region().path()));
			} else {
				SourceRef at = map.reservedMemory() == null ? SourceRef.UNKNOWN : map.reservedMemory().definedAt();
				findings.add(new Finding(RULE, Severity.WARNING, difference.message(), at,
						map.reservedMemory() == null ? "/" : map.reservedMemory().path()));
			}
		}
		return findings;
	}

	/** Every region the kernel registered differently from the model's prediction, in tree order, extras last. */
	public static List<BootLogDifference> differences(MemoryMap map, KernelProfile profile, List<BootLogEvent> log) {
		List<BootLogDifference> differences = new ArrayList<>();
		Map<String, BootLogEvent.Region> booted = log.stream().filter(BootLogEvent.Region.class::isInstance)
				.map(BootLogEvent.Region.class::cast)
				.collect(Collectors.toMap(BootLogEvent.Region::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		for (Registered expected : KernelBootModel.staticRegions(map, profile)) {
			Region region = expected.region();
			BootLogEvent.Region actual = booted.remove(region.name());
			boolean printsSummary = expected.setup() != KernelBootModel.Setup.CMA_MISALIGNED
					&& expected.setup() != KernelBootModel.Setup.REFUSED;
			if (actual == null) {
				if (printsSummary) {
					differences.add(new BootLogDifference(Kind.MISSING, region.name(), region, expected.range(), null, "reg",
							"not in the boot log: the kernel did not register " + region.name() + " " + expected.range()));
				}
				continue;
			}
			if (actual.range().base() != expected.range().base()) {
				differences.add(new BootLogDifference(Kind.MOVED, region.name(), region, expected.range(), actual.range(), "reg",
						String.format("moved: the kernel reserved %s at %s, the source says %s", region.name(),
								AddressRange.hex(actual.range().base()), AddressRange.hex(expected.range().base()))));
			}
			if (actual.range().size() != expected.range().size()) {
				differences.add(new BootLogDifference(Kind.RESIZED, region.name(), region, expected.range(), actual.range(), "reg",
						String.format("resized: the kernel reserved %s bytes for %s, the source says %s",
								AddressRange.hex(actual.range().size()), region.name(), AddressRange.hex(expected.range().size()))));
			}
			if (actual.noMap() != region.noMap() || actual.reusable() != region.reusable()) {
				differences.add(new BootLogDifference(Kind.FLAGS, region.name(), region, expected.range(), actual.range(), "",
						String.format("flags differ: the kernel has %s %s, the source says %s %s",
								actual.noMap() ? "nomap" : "map", actual.reusable() ? "reusable" : "non-reusable",
								region.noMap() ? "nomap" : "map", region.reusable() ? "reusable" : "non-reusable")));
			}
		}
		for (BootLogEvent.Region placed : List.copyOf(booted.values())) {
			Region dynamic = map.regions().stream().filter(r -> r.name().equals(placed.name()) && r.reg() == null).findFirst().orElse(null);
			if (dynamic != null) {
				booted.remove(placed.name());
				if (dynamic.size() != null && dynamic.size() != placed.range().size()) {
					differences.add(new BootLogDifference(Kind.RESIZED, dynamic.name(), dynamic, null, placed.range(), "size",
							String.format("resized: the kernel placed %s bytes for %s, the source asks %s",
									AddressRange.hex(placed.range().size()), dynamic.name(), AddressRange.hex(dynamic.size()))));
				}
			}
		}
		for (BootLogEvent.Region extra : booted.values()) {
			differences.add(new BootLogDifference(Kind.EXTRA, extra.name(), null, null, extra.range(), "",
					"extra: the kernel registered " + extra.name() + " " + extra.range() + " (boot log line " + extra.line()
							+ "), which the source does not declare"));
		}
		return differences;
	}
}
