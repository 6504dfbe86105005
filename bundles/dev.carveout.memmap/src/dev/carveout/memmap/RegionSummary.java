package dev.carveout.memmap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a BSP engineer wants to know about a region at a glance, as Markdown lines: where it is, how big,
 * what the kernel does with it, and which file and line defined each value. The editor hover, the language
 * server's hover and the Memory Map tooltip all show this.
 */
public final class RegionSummary {

	private RegionSummary() {
	}

	public static List<String> lines(Region region, MemoryMap map, KernelProfile profile) {
		List<String> lines = new ArrayList<>();
		lines.add("**" + region.name() + "**" + (region.labels().isEmpty() ? "" : " (" + String.join(", ", region.labels()) + ")")
				+ " — " + kind(region) + (region.available() ? "" : ", status " + region.status()));
		if (region.reg() != null) {
			for (AddressRange range : region.reg()) {
				lines.add(span(range));
			}
		} else if (region.size() != null) {
			lines.add("size " + size(region.size()) + (region.alignment() == null ? "" : ", alignment " + size(region.alignment()))
					+ ", placed at boot" + placement(region, map, profile));
		}
		List<String> flags = region.flags();
		if (!region.compatible().isEmpty()) {
			flags.add("compatible " + String.join(", ", region.compatible()));
		}
		if (!flags.isEmpty()) {
			lines.add(String.join(" · ", flags));
		}
		for (Map.Entry<String, SourceRef> defined : region.provenance().entrySet()) {
			if (!defined.getKey().isEmpty() && defined.getValue().isKnown()) {
				lines.add("`" + defined.getKey() + "` defined at " + where(defined.getValue()));
			}
		}
		SourceRef node = region.definedAt("");
		if (node.isKnown()) {
			lines.add("node defined at " + where(node));
		}
		return lines;
	}

	/** A region and the part of its definition an offset falls in. */
	public record Located(Region region, SourceRef at) {
	}

	/**
	 * The region whose definition in {@code file} encloses {@code offset} most closely (a property's line
	 * before the node around it), or null: what a hover at that offset is about.
	 */
	public static Located regionAt(MemoryMap map, Path file, int offset) {
		Located best = null;
		for (Region region : map.regions()) {
			for (SourceRef at : region.provenance().values()) {
				if (file.equals(at.file()) && at.offset() <= offset && offset < at.offset() + at.length()
						&& (best == null || at.length() < best.at().length())) {
					best = new Located(region, at);
				}
			}
		}
		return best;
	}

	private static String placement(Region region, MemoryMap map, KernelProfile profile) {
		for (DynamicPlacement.Placement p : DynamicPlacement.place(map, profile)) {
			if (p.region().path().equals(region.path())) {
				return p.range() == null ? " — cannot be placed: " + p.failure() : ", predicted at " + span(p.range());
			}
		}
		return "";
	}

	private static String kind(Region region) {
		if (region.isCma()) {
			return "CMA pool";
		}
		if (region.compatible().contains("shared-dma-pool")) {
			return "coherent DMA pool";
		}
		return region.noMap() ? "no-map carve-out" : "reserved (mapped)";
	}

	static String span(AddressRange range) {
		return AddressRange.hex(range.base()) + "–" + AddressRange.hex(range.end() - 1) + ", size " + size(range.size());
	}

	/** Hex and the largest whole unit: "0x1e00000 (30 MiB)". */
	public static String size(long bytes) {
		String unit = bytes % (1L << 30) == 0 && bytes != 0 ? (bytes >>> 30) + " GiB"
				: bytes % (1L << 20) == 0 && bytes != 0 ? (bytes >>> 20) + " MiB"
				: bytes % 1024 == 0 && bytes != 0 ? (bytes >>> 10) + " KiB" : bytes + " bytes";
		return AddressRange.hex(bytes) + " (" + unit + ")";
	}

	private static String where(SourceRef at) {
		return at.file().getFileName() + ":" + at.line();
	}
}
