package dev.carveout.dts.tree;

import java.nio.ByteBuffer;

/**
 * How libfdt finds nodes in a flattened tree, which overlays are applied with: a child name without a unit
 * address also matches "name@unit" (fdt_nodename_eq_), the first match wins, a path that does not start with
 * '/' starts with an alias, and a node's phandle is its "phandle" or else its "linux,phandle" property.
 */
final class FdtPaths {

	private FdtPaths() {
	}

	/** fdt_subnode_offset(). */
	static DtNode child(DtNode parent, String name) {
		for (DtNode child : parent.children()) {
			String candidate = child.name();
			if (candidate.equals(name) || (name.indexOf('@') < 0 && candidate.startsWith(name + "@"))) {
				return child;
			}
		}
		return null;
	}

	/** fdt_path_offset(), or null. */
	static DtNode find(DtTree tree, String path) {
		DtNode node = tree.root();
		String rest = path;
		if (!path.startsWith("/")) {
			int slash = path.indexOf('/');
			DtNode aliases = child(tree.root(), "aliases");
			DtProperty alias = aliases == null ? null : aliases.property(slash < 0 ? path : path.substring(0, slash));
			if (alias == null || alias.value() == null || alias.value().strings().isEmpty()) {
				return null;
			}
			node = find(tree, alias.value().strings().get(0));
			rest = slash < 0 ? "" : path.substring(slash);
		}
		for (String part : rest.split("/")) {
			if (!part.isEmpty() && node != null) {
				node = child(node, part);
			}
		}
		return node;
	}

	/** fdt_get_phandle(): 0 when the node has none. */
	static int phandle(DtNode node) {
		for (String name : new String[] { "phandle", "linux,phandle" }) {
			DtProperty property = node.property(name);
			if (property != null && property.value() != null && property.value().length() == 4) {
				return ByteBuffer.wrap(property.value().bytes()).getInt();
			}
		}
		return 0;
	}

	/** fdt_node_offset_by_phandle(): the first node in tree order with that phandle. */
	static DtNode byPhandle(DtNode node, int phandle) {
		if (phandle(node) == phandle) {
			return node;
		}
		for (DtNode child : node.children()) {
			DtNode found = byPhandle(child, phandle);
			if (found != null) {
				return found;
			}
		}
		return null;
	}
}
