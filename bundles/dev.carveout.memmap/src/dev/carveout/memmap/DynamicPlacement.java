package dev.carveout.memmap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where Linux places the regions that have a size but no reg (drivers/of/of_reserved_mem.c
 * fdt_scan_reserved_mem and __reserved_mem_alloc_size, mm/memblock.c): after every static region and
 * /memreserve/ entry is taken, each in tree order, top-down in free RAM (no-map memory is never free), within
 * each alloc-range in turn, with the alignment raised to CMA_MIN_ALIGNMENT_BYTES for CMA pools. It cannot
 * know what the boot loader and the kernel image take besides, so a base is a prediction; a failure is
 * certain. Nothing is predicted when the /memory banks are size-0 placeholders.
 */
public final class DynamicPlacement {

	/** SMP_CACHE_BYTES on arm64: the alignment when a region asks none. */
	static final long DEFAULT_ALIGNMENT = 64;
	private static final long PAGE_SIZE = 4096;

	/** @param range where the region lands, or null when it cannot be placed */
	public record Placement(Region region, AddressRange range, long size, long alignment, String failure) {
	}

	private final List<AddressRange> free = new ArrayList<>();
	private final List<AddressRange> placed = new ArrayList<>();

	private DynamicPlacement(List<AddressRange> ram) {
		free.addAll(ram);
	}

	public static List<Placement> place(MemoryMap map, KernelProfile profile) {
		List<AddressRange> ram = map.memory().stream().filter(b -> !b.isPlaceholder()).flatMap(b -> b.reg().stream())
				.filter(r -> !r.isEmpty()).toList();
		if (ram.isEmpty() || map.reservedMemory() == null || map.kernelIgnoresReservedMemory()) {
			return List.of();
		}
		DynamicPlacement memblock = new DynamicPlacement(ram);
		map.memreserve().forEach(m -> memblock.take(m.range()));
		int entry = (map.rootAddressCells() + map.rootSizeCells()) * 4;
		List<Region> dynamic = new ArrayList<>();
		for (Region region : map.regions()) {
			if (!region.available()) {
				continue;
			}
			if (region.has("reg")) {
				int length = region.propertyLengths().get("reg");
				if (length >= 0 && length % entry == 0 && region.reg() != null) {
					region.reg().forEach(memblock::take);
				}
			} else if (region.has("size")) {
				dynamic.add(region);
			}
		}
		List<Placement> placements = new ArrayList<>();
		for (Region region : dynamic) {
			Placement placement = memblock.allocate(region, map, profile);
			if (placement != null) {
				placements.add(placement);
			}
		}
		return placements;
	}

	/** One dynamic region as __reserved_mem_alloc_size places it; null when the kernel skips the node. */
	private Placement allocate(Region region, MemoryMap map, KernelProfile profile) {
		int entry = (map.rootAddressCells() + map.rootSizeCells()) * 4;
		if (region.propertyLengths().get("size") != map.rootSizeCells() * 4 || region.size() == null
				|| region.has("alignment") && region.propertyLengths().get("alignment") != map.rootAddressCells() * 4
				|| region.has("alloc-ranges") && region.propertyLengths().get("alloc-ranges") % entry != 0) {
			return null; // R2: the kernel prints "invalid ... property" and skips it
		}
		long size = region.size();
		long align = region.alignment() == null || region.alignment() == 0 ? DEFAULT_ALIGNMENT : region.alignment();
		if (region.isCma() && !region.noMap()) {
			align = Math.max(align, profile.cmaMinAlignment());
		}
		if (size == 0) {
			return new Placement(region, null, size, align, "size is 0");
		}
		List<AddressRange> windows = region.allocRanges() == null ? List.of(new AddressRange(0, -1L)) : region.allocRanges();
		for (AddressRange window : windows) {
			long base = find(size, align, window.base(), window.base() + window.size(), region.allocRanges() != null);
			if (base != 0) {
				AddressRange range = new AddressRange(base, size);
				take(range);
				placed.add(range);
				return new Placement(region, range, size, align, null);
			}
		}
		return new Placement(region, null, size, align, region.allocRanges() == null ? "no free RAM of that size and alignment"
				: "no free RAM of that size and alignment in its alloc-ranges");
	}

	/**
	 * memblock_find_in_range_node: top-down unless an alloc-range starts next to an earlier dynamic region
	 * (__reserved_mem_alloc_in_range); 0 when nothing fits.
	 */
	private long find(long size, long align, long start, long end, boolean inRange) {
		boolean bottomUp = false;
		boolean topDown = false;
		if (inRange) {
			for (AddressRange r : placed) {
				bottomUp |= Long.compareUnsigned(start, r.base()) >= 0 && Long.compareUnsigned(start, r.base() + r.size()) <= 0;
				topDown |= Long.compareUnsigned(end, r.base()) >= 0 && Long.compareUnsigned(end, r.base() + r.size()) <= 0;
			}
		}
		start = Long.compareUnsigned(start, PAGE_SIZE) < 0 ? PAGE_SIZE : start;
		List<AddressRange> ranges = new ArrayList<>(free);
		ranges.sort(Comparator.comparing(AddressRange::base, Long::compareUnsigned));
		if (bottomUp && !topDown) {
			for (AddressRange r : ranges) {
				long s = clamp(r.base(), start, end);
				long e = clamp(r.end(), start, end);
				long cand = (s + align - 1) & -align;
				if (Long.compareUnsigned(cand, e) < 0 && Long.compareUnsigned(e - cand, size) >= 0) {
					return cand;
				}
			}
			return 0;
		}
		for (int i = ranges.size() - 1; i >= 0; i--) {
			long s = clamp(ranges.get(i).base(), start, end);
			long e = clamp(ranges.get(i).end(), start, end);
			if (Long.compareUnsigned(e, size) < 0) {
				continue;
			}
			long cand = (e - size) & -align;
			if (Long.compareUnsigned(cand, s) >= 0) {
				return cand;
			}
		}
		return 0;
	}

	/** Removes a range from the free list (memblock_reserve, or memblock_mark_nomap: neither is free). */
	private void take(AddressRange taken) {
		List<AddressRange> result = new ArrayList<>();
		for (AddressRange r : free) {
			if (!r.overlaps(taken)) {
				result.add(r);
				continue;
			}
			if (Long.compareUnsigned(r.base(), taken.base()) < 0) {
				result.add(new AddressRange(r.base(), taken.base() - r.base()));
			}
			if (Long.compareUnsigned(taken.end(), r.end()) < 0) {
				result.add(new AddressRange(taken.end(), r.end() - taken.end()));
			}
		}
		free.clear();
		free.addAll(result);
	}

	private static long clamp(long value, long low, long high) {
		return Long.compareUnsigned(value, low) < 0 ? low : Long.compareUnsigned(value, high) > 0 ? high : value;
	}
}
