package dev.carveout.memmap.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.DynamicPlacement;
import dev.carveout.memmap.KernelProfile;
import dev.carveout.memmap.MemReserve;
import dev.carveout.memmap.MemoryBank;
import dev.carveout.memmap.MemoryMap;
import dev.carveout.memmap.Region;
import dev.carveout.memmap.SourceRef;
import dev.carveout.memmap.compare.MapDifference.Kind;

/**
 * Compares two memory maps (left: usually the source; right: a DTB, a live board, another revision or board):
 * regions are matched by node path, then the ones left over by their name without the unit address (a region
 * that moved usually had its unit address changed with it). A region with only a size is compared at the
 * place the kernel is predicted to put it. Differences come in a fixed order: /memreserve/ entries, /memory
 * banks, then regions in the left's tree order with the right's extras last.
 */
public final class MemoryMapComparison {

	private final MemoryMap left;
	private final MemoryMap right;
	private final Map<String, AddressRange> leftPlaces;
	private final Map<String, AddressRange> rightPlaces;
	private final List<MapDifference> differences = new ArrayList<>();

	private MemoryMapComparison(MemoryMap left, MemoryMap right, KernelProfile profile) {
		this.left = left;
		this.right = right;
		this.leftPlaces = predictedPlaces(left, profile);
		this.rightPlaces = predictedPlaces(right, profile);
	}

	public static List<MapDifference> compare(MemoryMap left, MemoryMap right, KernelProfile profile) {
		MemoryMapComparison comparison = new MemoryMapComparison(left, right, profile);
		comparison.compareMemreserves();
		comparison.compareBanks();
		comparison.compareRegions();
		return List.copyOf(comparison.differences);
	}

	/** Entries equal on both sides pair up first; of the rest, those at the same index changed. */
	private void compareMemreserves() {
		List<MemReserve> onlyLeft = new ArrayList<>(left.memreserve());
		List<MemReserve> onlyRight = new ArrayList<>();
		for (MemReserve entry : right.memreserve()) {
			MemReserve same = onlyLeft.stream().filter(l -> l.range().equals(entry.range())).findFirst().orElse(null);
			if (same != null) {
				onlyLeft.remove(same);
			} else {
				onlyRight.add(entry);
			}
		}
		for (MemReserve l : onlyLeft) {
			MemReserve r = onlyRight.stream().filter(e -> e.index() == l.index()).findFirst().orElse(null);
			if (r != null) {
				onlyRight.remove(r);
			}
			add(r == null ? Kind.MEMRESERVE_REMOVED : Kind.MEMRESERVE_CHANGED, memreservePath(l), r == null ? null : memreservePath(r),
					l.range().toString(), r == null ? null : r.range().toString(), l.definedAt(), r == null ? SourceRef.UNKNOWN : r.definedAt());
		}
		for (MemReserve r : onlyRight) {
			add(Kind.MEMRESERVE_ADDED, null, memreservePath(r), null, r.range().toString(), SourceRef.UNKNOWN, r.definedAt());
		}
	}

	private static String memreservePath(MemReserve entry) {
		return "/memreserve/" + entry.index();
	}

	private void compareBanks() {
		Map<String, MemoryBank> others = right.memory().stream()
				.collect(Collectors.toMap(MemoryBank::path, b -> b, (a, b) -> a, LinkedHashMap::new));
		for (MemoryBank l : left.memory()) {
			MemoryBank r = others.remove(l.path());
			if (r == null) {
				add(Kind.BANK_REMOVED, l.path(), null, ranges(l.reg()), null, l.definedAt(), SourceRef.UNKNOWN);
			} else if (!l.reg().equals(r.reg())) {
				add(Kind.BANK_CHANGED, l.path(), r.path(), ranges(l.reg()), ranges(r.reg()), l.definedAt(), r.definedAt());
			}
		}
		for (MemoryBank r : others.values()) {
			add(Kind.BANK_ADDED, null, r.path(), null, ranges(r.reg()), SourceRef.UNKNOWN, r.definedAt());
		}
	}

	private void compareRegions() {
		Map<String, Region> others = new LinkedHashMap<>();
		right.regions().forEach(r -> others.putIfAbsent(r.path(), r));
		List<Region> unmatched = new ArrayList<>();
		Map<Region, Region> pairs = new LinkedHashMap<>();
		for (Region l : left.regions()) {
			Region r = others.remove(l.path());
			if (r == null) {
				unmatched.add(l);
			}
			pairs.put(l, r);
		}
		for (Region l : unmatched) {
			Region r = uniqueByBaseName(l, unmatched, others.values());
			if (r != null) {
				others.remove(r.path());
				pairs.put(l, r);
			}
		}
		pairs.forEach((l, r) -> {
			if (r == null) {
				add(Kind.REGION_REMOVED, l.path(), null, describe(l, leftPlaces), null, l.definedAt(""), SourceRef.UNKNOWN);
			} else {
				compareRegion(l, r);
			}
		});
		for (Region r : others.values()) {
			add(Kind.REGION_ADDED, null, r.path(), null, describe(r, rightPlaces), SourceRef.UNKNOWN, r.definedAt(""));
		}
	}

	/** The right region of the same base name, if it is the only one on both sides still unmatched. */
	private static Region uniqueByBaseName(Region l, List<Region> unmatched, java.util.Collection<Region> candidates) {
		String name = baseName(l.name());
		if (unmatched.stream().filter(u -> baseName(u.name()).equals(name)).count() != 1) {
			return null;
		}
		List<Region> same = candidates.stream().filter(c -> baseName(c.name()).equals(name)).toList();
		return same.size() == 1 ? same.get(0) : null;
	}

	private void compareRegion(Region l, Region r) {
		if (!l.path().equals(r.path())) {
			add(Kind.REGION_RENAMED, l, r, "", l.path(), r.path());
		}
		boolean leftFixed = l.reg() != null && !l.reg().isEmpty();
		boolean rightFixed = r.reg() != null && !r.reg().isEmpty();
		if (leftFixed != rightFixed) {
			add(Kind.ALLOCATION_CHANGED, l, r, leftFixed ? "reg" : "size", allocation(l, leftFixed), allocation(r, rightFixed));
		}
		List<AddressRange> leftRanges = places(l, leftPlaces);
		List<AddressRange> rightRanges = places(r, rightPlaces);
		String placeProperty = leftFixed ? "reg" : "size";
		List<Long> leftBases = leftRanges.stream().map(AddressRange::base).toList();
		List<Long> rightBases = rightRanges.stream().map(AddressRange::base).toList();
		if (!leftBases.equals(rightBases) && !(leftBases.isEmpty() || rightBases.isEmpty())) {
			add(Kind.MOVED, l, r, placeProperty, hexes(leftBases), hexes(rightBases));
		}
		List<Long> leftSizes = sizes(l, leftRanges);
		List<Long> rightSizes = sizes(r, rightRanges);
		if (!leftSizes.equals(rightSizes)) {
			add(Kind.RESIZED, l, r, placeProperty, hexes(leftSizes), hexes(rightSizes));
		}
		flag(Kind.NO_MAP_CHANGED, l, r, "no-map", l.noMap(), r.noMap());
		flag(Kind.REUSABLE_CHANGED, l, r, "reusable", l.reusable(), r.reusable());
		if (l.linuxCmaDefault() != r.linuxCmaDefault() || l.linuxDmaDefault() != r.linuxDmaDefault()) {
			add(Kind.DEFAULT_POOL_CHANGED, l, r, l.linuxCmaDefault() ? "linux,cma-default" : "linux,dma-default",
					defaultPool(l), defaultPool(r));
		}
		if (!l.compatible().equals(r.compatible())) {
			add(Kind.COMPATIBLE_CHANGED, l, r, "compatible", strings(l.compatible()), strings(r.compatible()));
		}
		if (!Objects.equals(l.status(), r.status())) {
			add(Kind.STATUS_CHANGED, l, r, "status", status(l), status(r));
		}
	}

	private void flag(Kind kind, Region l, Region r, String property, boolean leftHas, boolean rightHas) {
		if (leftHas != rightHas) {
			add(kind, l, r, property, leftHas ? "present" : "absent", rightHas ? "present" : "absent");
		}
	}

	private void add(Kind kind, Region l, Region r, String property, String leftValue, String rightValue) {
		add(kind, l.path(), r.path(), leftValue, rightValue, l.definedAt(property), r.definedAt(property));
	}

	private void add(Kind kind, String leftPath, String rightPath, String leftValue, String rightValue, SourceRef leftAt,
			SourceRef rightAt) {
		differences.add(new MapDifference(kind, leftPath, rightPath, leftValue, rightValue, leftAt, rightAt));
	}

	/** Where each size-only region is predicted to land, by path; one that cannot be placed is absent. */
	private static Map<String, AddressRange> predictedPlaces(MemoryMap map, KernelProfile profile) {
		Map<String, AddressRange> places = new LinkedHashMap<>();
		for (DynamicPlacement.Placement placement : DynamicPlacement.place(map, profile)) {
			if (placement.range() != null) {
				places.put(placement.region().path(), placement.range());
			}
		}
		return places;
	}

	/** The fixed reg, or the predicted place of a size-only region (none when it cannot be placed). */
	private static List<AddressRange> places(Region region, Map<String, AddressRange> predicted) {
		if (region.reg() != null && !region.reg().isEmpty()) {
			return region.reg();
		}
		AddressRange place = predicted.get(region.path());
		return place == null ? List.of() : List.of(place);
	}

	private static List<Long> sizes(Region region, List<AddressRange> places) {
		if (places.isEmpty() && region.size() != null) {
			return List.of(region.size());
		}
		return places.stream().map(AddressRange::size).toList();
	}

	private static String describe(Region region, Map<String, AddressRange> predicted) {
		List<AddressRange> places = places(region, predicted);
		boolean fixed = region.reg() != null && !region.reg().isEmpty();
		if (fixed) {
			return ranges(places);
		}
		if (region.size() == null) {
			return "no reg and no size";
		}
		return "size " + AddressRange.hex(region.size()) + (places.isEmpty() ? ", not placed" : " predicted at " + ranges(places));
	}

	private static String allocation(Region region, boolean fixed) {
		return fixed ? "reg" : region.size() == null ? "no reg and no size" : "size only";
	}

	private static String defaultPool(Region region) {
		return region.linuxCmaDefault() ? "linux,cma-default" : region.linuxDmaDefault() ? "linux,dma-default" : "no default pool";
	}

	private static String status(Region region) {
		return region.status() == null ? "no status" : "\"" + region.status() + "\"";
	}

	private static String strings(List<String> values) {
		return values.isEmpty() ? "none" : values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
	}

	private static String ranges(List<AddressRange> ranges) {
		return ranges.isEmpty() ? "empty" : ranges.stream().map(AddressRange::toString).collect(Collectors.joining(", "));
	}

	private static String hexes(List<Long> values) {
		return values.stream().map(AddressRange::hex).collect(Collectors.joining(", "));
	}

	private static String baseName(String name) {
		int at = name.indexOf('@');
		return at < 0 ? name : name.substring(0, at);
	}
}
