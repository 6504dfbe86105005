package dev.carveout.ui.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.MemReserve;
import dev.carveout.memmap.MemoryMap;
import dev.carveout.memmap.Region;

/** Turns a checked board's memory map and findings into the rows of the Memory Map view. */
public final class MapEntries {

	private MapEntries() {
	}

	/** Entries with an address first, by base; then the dynamic ones in source order. */
	public static List<MapEntry> of(MemoryMap map, List<Finding> findings) {
		List<MapEntry> entries = new ArrayList<>();
		for (Region region : map.regions()) {
			entries.add(entry(region, findings));
		}
		for (MemReserve reserve : map.memreserve()) {
			entries.add(entry(reserve, findings));
		}
		entries.sort(Comparator.comparing(MapEntry::dynamic)
				.thenComparing((a, b) -> a.dynamic() ? 0 : Long.compareUnsigned(a.range().base(), b.range().base())));
		return List.copyOf(entries);
	}

	private static MapEntry entry(Region region, List<Finding> findings) {
		List<String> flags = region.flags();
		EntryKind kind = region.noMap() ? EntryKind.NO_MAP : region.isCma() ? EntryKind.CMA : EntryKind.RESERVED;
		List<AddressRange> ranges = region.reg() == null ? List.of() : region.reg();
		Long size = !ranges.isEmpty() ? Long.valueOf(ranges.get(0).size()) : region.size();
		String sizeProperty = region.has("reg") ? "reg" : "size";
		return new MapEntry(region.path(), region.name(), region.labels(), kind, ranges, size, List.copyOf(flags),
				region.definedAt(sizeProperty), region.definedAt(""), region.status() == null ? "okay" : region.status(),
				region.available(), problemsOf(region.path(), findings));
	}

	private static MapEntry entry(MemReserve reserve, List<Finding> findings) {
		String path = "/memreserve/ " + reserve.index();
		return new MapEntry(path, path, List.of(), EntryKind.MEMRESERVE, List.of(reserve.range()),
				reserve.range().size(), List.of(), reserve.definedAt(), reserve.definedAt(), "okay", true,
				problemsOf(path, findings));
	}

	private static List<String> problemsOf(String path, List<Finding> findings) {
		return findings.stream().filter(f -> Objects.equals(path, f.nodePath())).map(Finding::ruleId).distinct()
				.sorted(Comparator.comparing(MapEntries::ruleNumber)).toList();
	}

	/** R2 before R10, not after it. */
	private static int ruleNumber(String ruleId) {
		try {
			return Integer.parseInt(ruleId.substring(1));
		} catch (RuntimeException e) {
			return Integer.MAX_VALUE;
		}
	}
}
