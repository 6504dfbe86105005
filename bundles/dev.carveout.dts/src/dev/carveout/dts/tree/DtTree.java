package dev.carveout.dts.tree;

import java.util.ArrayList;
import java.util.List;

import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.SourceRef;

/** A board's effective tree: the root node and the /memreserve/ entries of the header. */
public final class DtTree {

	private final DtNode root;
	private final List<MemReserveEntry> memreserves = new ArrayList<>();

	DtTree(DtNode root) {
		this.root = root;
	}

	public DtNode root() {
		return root;
	}

	public List<MemReserveEntry> memreserves() {
		return memreserves;
	}

	/** The node at an absolute path like "/reserved-memory/adsp@86100000", or null. */
	public DtNode find(String path) {
		DtNode node = root;
		for (String part : path.split("/")) {
			if (part.isEmpty()) {
				continue;
			}
			node = node.child(part);
			if (node == null) {
				return null;
			}
		}
		return node;
	}

	/** The live node carrying a label, or null. */
	public DtNode findLabel(String label) {
		return findLabel(root, label);
	}

	private static DtNode findLabel(DtNode node, String label) {
		if (node.labels().contains(label)) {
			return node;
		}
		for (DtNode child : node.children()) {
			DtNode found = findLabel(child, label);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	public record MemReserveEntry(AddressRange range, SourceRef definedAt) {
	}
}
