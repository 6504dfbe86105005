package dev.carveout.dts.tree;

import java.util.ArrayList;
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
	private final List<String> labels = new ArrayList<>();
	private final Map<String, DtProperty> properties = new LinkedHashMap<>();
	private final Map<String, DtNode> children = new LinkedHashMap<>();
	private SourceRef definedAt;
	private boolean deleted;

	DtNode(String name, DtNode parent, SourceRef definedAt) {
		this.name = name;
		this.parent = parent;
		this.definedAt = definedAt;
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

	public List<String> labels() {
		return labels;
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
		return properties.values().stream().filter(p -> !p.isDeleted()).toList();
	}

	public DtProperty property(String propertyName) {
		DtProperty p = properties.get(propertyName);
		return p == null || p.isDeleted() ? null : p;
	}

	/** Live children in dtc's order. */
	public List<DtNode> children() {
		return children.values().stream().filter(n -> !n.isDeleted()).toList();
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

	void addLabel(String label) {
		if (!labels.contains(label)) {
			labels.add(label);
		}
	}

	void delete() {
		deleted = true;
		labels.clear();
		properties.values().forEach(DtProperty::delete);
		children.values().forEach(DtNode::delete);
	}
}
