package dev.carveout.dts.tree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.carveout.memmap.SourceRef;

/**
 * A node of the effective tree, built as dtc builds it: later definitions merge into earlier ones, and
 * deleted nodes and properties stay in place, flagged, until defined again.
 */
public final class DtNode {

	private final String name;
	private final DtNode parent;
	private final DtLabels labels = new DtLabels();
	private final Map<String, DtProperty> properties = new LinkedHashMap<>();
	private final Map<String, DtNode> children = new LinkedHashMap<>();
	private SourceRef definedAt;
	private boolean deleted;
	private boolean omitIfUnreferenced;
	private boolean referenced;
	/** dtc's node->phandle: 0 until an explicit phandle property is seen or a reference needs one. */
	private int phandle;
	/**
	 * Every node of this tree that was ever given a label, by label; shared from the root. References are resolved
	 * once per use while the tree grows, and walking the whole tree for each made big boards quadratic.
	 */
	private final Map<String, List<DtNode>> labelled;

	DtNode(String name, DtNode parent, SourceRef definedAt) {
		this.name = name;
		this.parent = parent;
		this.definedAt = definedAt;
		this.labelled = parent == null ? new HashMap<>() : parent.labelled;
	}

	public String name() {
		return name;
	}

	public DtNode parent() {
		return parent;
	}

	public String path() {
		if (parent == null) {
			return "/";
		}
		String parentPath = parent.path();
		return (parentPath.equals("/") ? "" : parentPath) + "/" + name;
	}

	/** Live labels in dtc's order (the last one added first), the order /__symbols__ lists them in. */
	public List<String> labels() {
		return labels.live();
	}

	public boolean hasLabel(String label) {
		return labels.contains(label);
	}

	/** Whether the node was marked /omit-if-no-ref/. */
	public boolean isOmitIfUnreferenced() {
		return omitIfUnreferenced;
	}

	/** The phandle dtc gives this node, 0 if it has none. Set by {@link DtcFinisher}. */
	public int phandle() {
		return phandle;
	}

	/** Where this node was first defined. */
	public SourceRef definedAt() {
		return definedAt;
	}

	public boolean isDeleted() {
		return deleted;
	}

	/** Live properties in dtc's order. */
	public List<DtProperty> properties() {
		List<DtProperty> live = new ArrayList<>(properties.size());
		for (DtProperty p : properties.values()) {
			if (!p.isDeleted()) {
				live.add(p);
			}
		}
		return live;
	}

	public DtProperty property(String propertyName) {
		DtProperty p = properties.get(propertyName);
		return p == null || p.isDeleted() ? null : p;
	}

	/** Live children in dtc's order. */
	public List<DtNode> children() {
		List<DtNode> live = new ArrayList<>(children.size());
		for (DtNode n : children.values()) {
			if (!n.deleted) {
				live.add(n);
			}
		}
		return live;
	}

	/**
	 * The live node of this tree carrying the label, or null: dtc's get_node_by_label(), which returns the first
	 * in tree order. A deleted node's subtree is deleted with it, so a live node is reachable from the root.
	 */
	DtNode findLabelled(String label) {
		List<DtNode> candidates = labelled.getOrDefault(label, List.of());
		DtNode found = null;
		for (DtNode candidate : candidates) {
			if (!candidate.deleted && candidate.hasLabel(label)) {
				if (found != null) {
					// A duplicate label (an error dtc reports): tree order decides, as in dtc.
					return firstInTreeOrder(this, label);
				}
				found = candidate;
			}
		}
		return found;
	}

	private static DtNode firstInTreeOrder(DtNode node, String label) {
		if (node.hasLabel(label)) {
			return node;
		}
		for (DtNode child : node.children.values()) {
			if (!child.deleted) {
				DtNode found = firstInTreeOrder(child, label);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	public DtNode child(String childName) {
		DtNode n = children.get(childName);
		return n == null || n.isDeleted() ? null : n;
	}

	DtProperty setProperty(String propertyName, PropertyValue value, SourceRef at, List<String> newLabels) {
		DtProperty p = properties.computeIfAbsent(propertyName, k -> new DtProperty(k, value, at));
		p.redefine(value, at, newLabels);
		return p;
	}

	void deleteProperty(String propertyName) {
		DtProperty p = properties.get(propertyName);
		if (p != null) {
			p.delete();
		}
	}

	/** The child to merge a definition into; a deleted child comes back in its old place, as in dtc. */
	DtNode childForMerge(String childName, SourceRef at) {
		DtNode child = children.get(childName);
		if (child == null) {
			child = new DtNode(childName, this, at);
			children.put(childName, child);
		} else if (child.deleted) {
			child.deleted = false;
			child.definedAt = at;
		}
		return child;
	}

	/** A delete in a node's first definition: holds the place if nothing of that name is there yet. */
	void deletedPropertyPlaceholder(String propertyName, SourceRef at) {
		if (!properties.containsKey(propertyName)) {
			DtProperty placeholder = new DtProperty(propertyName, null, at);
			placeholder.delete();
			properties.put(propertyName, placeholder);
		}
	}

	/** Like {@link #deletedPropertyPlaceholder} for a child node. */
	void deletedChildPlaceholder(String childName, SourceRef at) {
		if (!children.containsKey(childName)) {
			DtNode placeholder = new DtNode(childName, this, at);
			placeholder.delete();
			children.put(childName, placeholder);
		}
	}

	/** Whether the node has a child entry of that name, live or deleted. */
	boolean hasChildEntry(String childName) {
		return children.containsKey(childName);
	}

	void addLabels(List<String> newLabels, boolean fresh) {
		labels.addAll(newLabels, fresh);
		for (String label : newLabels) {
			List<DtNode> nodes = labelled.computeIfAbsent(label, k -> new ArrayList<>(1));
			if (!nodes.contains(this)) {
				nodes.add(this);
			}
		}
	}

	boolean hasAnyLabelEntry() {
		return labels.any();
	}

	void markOmitIfUnreferenced() {
		omitIfUnreferenced = true;
	}

	boolean isReferenced() {
		return referenced;
	}

	void markReferenced() {
		referenced = true;
	}

	void setPhandle(int value) {
		phandle = value;
	}

	/** Adds a property dtc generates (phandle, a /__symbols__ entry) at the end, as add_property() does. */
	void appendProperty(String propertyName, PropertyValue value) {
		properties.remove(propertyName);
		properties.put(propertyName, new DtProperty(propertyName, value, SourceRef.UNKNOWN));
	}

	/**
	 * dtc's append_string_property()/append_to_property(): more bytes at the end of a generated property, which
	 * is added at the end of the node if it is not there yet.
	 */
	void extendProperty(String propertyName, byte[] more) {
		DtProperty existing = property(propertyName);
		if (existing == null) {
			appendProperty(propertyName, new PropertyValue(more, List.of()));
			return;
		}
		byte[] bytes = Arrays.copyOf(existing.value().bytes(), existing.value().length() + more.length);
		System.arraycopy(more, 0, bytes, existing.value().length(), more.length);
		existing.setValue(new PropertyValue(bytes, List.of()));
	}

	/**
	 * libfdt's fdt_setprop() on a flattened tree: an existing property gets the value in place, a new one goes
	 * before all others (fdt_add_property_() splices it in right after the node's name).
	 */
	void setPropertyAsLibfdt(String propertyName, PropertyValue value, SourceRef at) {
		DtProperty existing = property(propertyName);
		if (existing != null) {
			existing.redefine(value, at, List.of());
			return;
		}
		Map<String, DtProperty> after = new LinkedHashMap<>(properties);
		properties.clear();
		properties.put(propertyName, new DtProperty(propertyName, value, at));
		after.forEach((k, v) -> {
			if (!v.isDeleted()) {
				properties.put(k, v);
			}
		});
	}

	/** libfdt's fdt_add_subnode(): a new child goes before all others, right after the properties. */
	DtNode addChildAsLibfdt(String childName, SourceRef at) {
		Map<String, DtNode> after = new LinkedHashMap<>(children);
		children.clear();
		DtNode child = new DtNode(childName, this, at);
		children.put(childName, child);
		after.forEach((k, v) -> {
			if (!v.deleted) {
				children.put(k, v);
			}
		});
		return child;
	}

	/** A copy of the live part of this node and its subtree under {@code newParent}, origins and labels kept. */
	DtNode copy(DtNode newParent) {
		DtNode copy = new DtNode(name, newParent, definedAt);
		copyContentInto(copy);
		return copy;
	}

	/** Labels, properties and live children of this node added to {@code target}. */
	void copyContentInto(DtNode target) {
		target.addLabels(labels(), true);
		target.phandle = phandle;
		target.omitIfUnreferenced = omitIfUnreferenced;
		for (DtProperty p : properties()) {
			DtProperty q = new DtProperty(p.name(), p.value(), p.definedAt());
			q.labels().addAll(p.labels());
			target.properties.put(p.name(), q);
		}
		for (DtNode child : children()) {
			target.children.put(child.name, child.copy(target));
		}
	}

	/** Drops a property outright, as dtc drops a redundant "name" property. */
	void removeProperty(String propertyName) {
		properties.remove(propertyName);
	}

	/** dtc's delete_node(): the node, its subtree, properties and labels stay in place, flagged. */
	void delete() {
		deleted = true;
		labels.deleteAll();
		properties.values().forEach(DtProperty::delete);
		children.values().forEach(DtNode::delete);
	}
}
