package dev.carveout.dts.fdt;

import java.util.List;

/**
 * A flattened DeviceTree (a DTB) as read by {@link FdtReader}: the header fields that carry meaning, the
 * /memreserve/ entries and the node tree.
 */
public record Fdt(int version, int lastCompatibleVersion, int bootCpuidPhys, List<MemReserve> memreserves,
		FdtNode root) {

	/** The node at an absolute path like "/soc@0/memory-controller@1000", or null. */
	public FdtNode find(String path) {
		FdtNode node = root;
		for (String part : path.split("/")) {
			if (!part.isEmpty()) {
				node = node.child(part);
				if (node == null) {
					return null;
				}
			}
		}
		return node;
	}

	/** One entry of the memory reservation block. */
	public record MemReserve(long address, long size) {
	}
}
