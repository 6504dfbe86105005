package dev.carveout.dts.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

	/**
	 * The node a reference names, as dtc's get_node_by_ref(): "/" is the root, "/a/b" a path, "label" the
	 * first node in tree order carrying the label, and "label/a/b" a path below a labelled node.
	 */
	public DtNode resolve(String reference) {
		return resolve(reference, this::findLabel);
	}

	/** {@link #resolve(String)} with labels looked up by {@code labels}, e.g. an index of a tree that no longer changes. */
	DtNode resolve(String reference, Function<String, DtNode> labels) {
		if (reference.startsWith("/")) {
			return find(reference);
		}
		int slash = reference.indexOf('/');
		DtNode labelled = labels.apply(slash < 0 ? reference : reference.substring(0, slash));
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
		return findLabel(root, label);
	}

	/**
	 * Every live label and the first node in tree order carrying it, as {@link #findLabel} finds it: a snapshot
	 * for passes that resolve many references while the tree's nodes and labels stay as they are (a walk of the
	 * whole tree per reference made a large SoC's phandle pass quadratic).
	 */
	Map<String, DtNode> labelIndex() {
		Map<String, DtNode> index = new HashMap<>();
		indexLabels(root, index);
		return index;
	}

	private static void indexLabels(DtNode node, Map<String, DtNode> index) {
		for (String label : node.labels()) {
			index.putIfAbsent(label, node);
		}
		for (DtNode child : node.children()) {
			indexLabels(child, index);
		}
	}

	private static DtNode findLabel(DtNode node, String label) {
		if (node.hasLabel(label)) {
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
