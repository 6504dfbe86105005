package dev.carveout.dts.tree;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.carveout.memmap.SourceRef;

/**
 * What dtc's parser knows about the items of one node body, a body /include/d into it counting as part of it:
 * whether a subnode came yet (dtc-parser.y: "Properties must precede subnodes") and, in a node's first body, the
 * names already used (checks.c duplicate_property_names, duplicate_node_names: a first body is built as a node of
 * its own, while later bodies merge name by name, so only a first body can hold a name twice).
 */
final class NodeBody {

	private final boolean fresh;
	private boolean subnodeSeen;
	private final Map<String, SourceRef> properties = new HashMap<>();
	private final Set<String> children = new HashSet<>();

	NodeBody(boolean fresh) {
		this.fresh = fresh;
	}

	boolean fresh() {
		return fresh;
	}

	/** A subnode or a /delete-node/ came: dtc's grammar takes no property or /delete-property/ after it. */
	void subnode() {
		subnodeSeen = true;
	}

	boolean subnodeSeen() {
		return subnodeSeen;
	}

	/**
	 * The place of the earlier property of this name in a first body, which dtc blames for the duplicate (it reports
	 * the first of the pair), or null.
	 */
	SourceRef earlierProperty(String name, SourceRef at) {
		return fresh ? properties.putIfAbsent(name, at) : null;
	}

	/** Whether a first body already had a child of this name (dtc blames the later one). */
	boolean repeatsChild(String name) {
		return fresh && !children.add(name);
	}

	/**
	 * Whether a /delete-node/ in a first body names a child defined before it in that body: dtc keeps both entries
	 * and its check compares every live child with every later sibling, deleted ones included.
	 */
	boolean deletesEarlierChild(String name) {
		return fresh && children.contains(name);
	}
}
