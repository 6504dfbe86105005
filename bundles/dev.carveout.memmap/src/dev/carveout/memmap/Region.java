package dev.carveout.memmap;

import java.util.List;
import java.util.Map;

/**
 * A child of /reserved-memory as the kernel sees it after dtc: its identity, its values decoded with the
 * root's cells, its flags, and where each value was last defined.
 *
 * @param provenance property name to the place that last defined it; "" maps to the node's own definition
 * @param propertyLengths raw byte lengths of the properties present (the kernel checks them against the cells)
 */
public record Region(
		String path,
		String name,
		List<String> labels,
		String status,
		List<String> compatible,
		RegionKind kind,
		List<AddressRange> reg,
		Long size,
		Long alignment,
		List<AddressRange> allocRanges,
		boolean noMap,
		boolean reusable,
		boolean linuxCmaDefault,
		boolean linuxDmaDefault,
		Map<String, SourceRef> provenance,
		Map<String, Integer> propertyLengths) {

	public boolean has(String property) {
		return propertyLengths.containsKey(property);
	}

	/** The kernel's of_fdt_device_is_available: no status, "okay" or "ok". */
	public boolean available() {
		return status == null || status.equals("okay") || status.equals("ok");
	}

	/** The flags that change what the kernel does with the region, in the order the binding lists them. */
	public List<String> flags() {
		List<String> flags = new java.util.ArrayList<>();
		if (noMap) {
			flags.add("no-map");
		}
		if (reusable) {
			flags.add("reusable");
		}
		if (linuxCmaDefault) {
			flags.add("linux,cma-default");
		}
		if (linuxDmaDefault) {
			flags.add("linux,dma-default");
		}
		return flags;
	}

	public boolean isCma() {
		return reusable && compatible.contains("shared-dma-pool");
	}

	/** The unit address written after '@' in the node name, or null. */
	public String unitAddress() {
		int at = name.indexOf('@');
		return at < 0 ? null : name.substring(at + 1);
	}

	public SourceRef definedAt(String property) {
		SourceRef ref = provenance.get(property);
		return ref != null ? ref : provenance.getOrDefault("", SourceRef.UNKNOWN);
	}
}
