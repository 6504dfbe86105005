package dev.carveout.ui.map;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.DynamicPlacement;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.KernelProfile;
import dev.carveout.memmap.MemReserve;
import dev.carveout.memmap.MemoryMap;
import dev.carveout.memmap.Region;
import dev.carveout.memmap.SourceRef;
import dev.carveout.memmap.bootlog.BootLogDifference;

/** Turns a checked board's memory map and findings into the rows of the Memory Map view. */
public final class MapEntries {

	private static final Comparator<MapEntry> ORDER = Comparator.comparing(MapEntry::dynamic)
			.thenComparing((a, b) -> a.dynamic() ? 0 : Long.compareUnsigned(a.range().base(), b.range().base()));

	private MapEntries() {
	}

	/**
	 * Entries with an address first, by base; then the dynamic ones in source order, each with the place the
	 * kernel of {@code profile} is predicted to give it at boot.
	 */
	public static List<MapEntry> of(MemoryMap map, List<Finding> findings, KernelProfile profile) {
		return of(map, findings, profile, List.of());
	}

	/**
	 * {@link #of(MemoryMap, List, KernelProfile)} for a composite board of {@code parts} (base first): each
	 * entry says what the overlays added or changed ({@link OverlayChange}).
	 */
	public static List<MapEntry> of(MemoryMap map, List<Finding> findings, KernelProfile profile, List<Path> parts) {
		Map<String, AddressRange> predicted = new HashMap<>();
		for (DynamicPlacement.Placement placement : DynamicPlacement.place(map, profile)) {
			if (placement.range() != null) {
				predicted.put(placement.region().path(), placement.range());
			}
		}
		List<MapEntry> entries = new ArrayList<>();
		for (Region region : map.regions()) {
			entries.add(entry(region, findings).withPrediction(predicted.get(region.path()))
					.withOverlay(OverlayChange.of(region, parts)));
		}
		for (MemReserve reserve : map.memreserve()) {
			entries.add(entry(reserve, findings));
		}
		entries.sort(ORDER);
		return List.copyOf(entries);
	}

	/**
	 * The entries with a boot log laid over them: each entry with its differences, and one entry (kind
	 * {@link EntryKind#BOOT_ONLY}) for each region only the kernel has, at the place it reserved.
	 */
	public static List<MapEntry> withBootLog(List<MapEntry> entries, List<BootLogDifference> differences) {
		List<MapEntry> result = new ArrayList<>();
		for (MapEntry entry : entries) {
			List<BootLogDifference> own = differences.stream()
					.filter(d -> d.region() != null && d.region().path().equals(entry.path())).toList();
			if (own.isEmpty()) {
				result.add(entry);
				continue;
			}
			AddressRange booted = own.stream().map(BootLogDifference::booted)
					.filter(r -> r != null && !r.equals(entry.range())).findFirst().orElse(null);
			boolean missing = own.stream().anyMatch(d -> d.kind() == BootLogDifference.Kind.MISSING);
			result.add(entry.withBoot(new BootState(own.stream().map(BootLogDifference::message).toList(), booted,
					missing, false)));
		}
		for (BootLogDifference extra : differences) {
			if (extra.kind() == BootLogDifference.Kind.EXTRA) {
				result.add(new MapEntry("boot log: " + extra.name(), extra.name(), List.of(), EntryKind.BOOT_ONLY,
						List.of(extra.booted()), extra.booted().size(), List.of(), SourceRef.UNKNOWN, SourceRef.UNKNOWN,
						"okay", true, List.of(), new BootState(List.of(extra.message()), null, false, true), null,
						OverlayChange.NONE));
			}
		}
		result.sort(ORDER);
		return List.copyOf(result);
	}

	private static MapEntry entry(Region region, List<Finding> findings) {
		List<String> flags = region.flags();
		EntryKind kind = region.noMap() ? EntryKind.NO_MAP : region.isCma() ? EntryKind.CMA : EntryKind.RESERVED;
		List<AddressRange> ranges = region.reg() == null ? List.of() : region.reg();
		Long size = !ranges.isEmpty() ? Long.valueOf(ranges.get(0).size()) : region.size();
		String sizeProperty = region.has("reg") ? "reg" : "size";
		return new MapEntry(region.path(), region.name(), region.labels(), kind, ranges, size, List.copyOf(flags),
				region.definedAt(sizeProperty), region.definedAt(""), region.status() == null ? "okay" : region.status(),
				region.available(), problemsOf(region.path(), findings), BootState.NONE, null, OverlayChange.NONE);
	}

	private static MapEntry entry(MemReserve reserve, List<Finding> findings) {
		String path = "/memreserve/ " + reserve.index();
		return new MapEntry(path, path, List.of(), EntryKind.MEMRESERVE, List.of(reserve.range()),
				reserve.range().size(), List.of(), reserve.definedAt(), reserve.definedAt(), "okay", true,
				problemsOf(path, findings), BootState.NONE, null, OverlayChange.NONE);
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
