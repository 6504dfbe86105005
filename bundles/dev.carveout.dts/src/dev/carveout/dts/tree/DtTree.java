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

	/** A copy of the live tree that shares nothing changeable with this one (values are immutable). */
	public DtTree copy() {
		DtTree copy = new DtTree(new DtNode("", null, root.definedAt()));
		root.copyContentInto(copy.root);
		copy.memreserves.addAll(memreserves);
		return copy;
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

	/**
	 * The node a reference names, as dtc's get_node_by_ref(): "/" is the root, "/a/b" a path, "label" the
	 * first node in tree order carrying the label, and "label/a/b" a path below a labelled node.
	 */
	public DtNode resolve(String reference) {
		if (reference.startsWith("/")) {
			return find(reference);
		}
		int slash = reference.indexOf('/');
		DtNode labelled = findLabel(slash < 0 ? reference : reference.substring(0, slash));
		if (labelled == null || slash < 0) {
			return labelled;
		}
		DtNode node = labelled;
		for (String part : reference.substring(slash + 1).split("/")) {
			if (!part.isEmpty()) {
				node = node.child(part);
				if (node == null) {
					return null;
				}
			}
		}
		return node;
	}

	/** The live node carrying a label, or null. */
	public DtNode findLabel(String label) {
		return root.findLabelled(label);
	}

	public record MemReserveEntry(AddressRange range, SourceRef definedAt) {
	}
}
