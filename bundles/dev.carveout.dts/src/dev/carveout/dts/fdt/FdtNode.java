package dev.carveout.dts.fdt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A node of a flattened tree with its properties and children in the order the structure block has them. */
public final class FdtNode {

	private final String name;
	private final FdtNode parent;
	private final List<FdtProperty> properties = new ArrayList<>();
	private final List<FdtNode> children = new ArrayList<>();

	FdtNode(String name, FdtNode parent) {
		this.name = name;
		this.parent = parent;
	}

	/** The name with its unit address ("memory@80000000"); the root's name is empty. */
	public String name() {
		return name;
	}

	public FdtNode parent() {
		return parent;
	}

	public String path() {
		if (parent == null) {
			return "/";
		}
		String parentPath = parent.path();
		return (parentPath.equals("/") ? "" : parentPath) + "/" + name;
	}

	public List<FdtProperty> properties() {
		return Collections.unmodifiableList(properties);
	}

	public List<FdtNode> children() {
		return Collections.unmodifiableList(children);
	}

	/** The first property of that name, or null. */
	public FdtProperty property(String propertyName) {
		return properties.stream().filter(p -> p.name().equals(propertyName)).findFirst().orElse(null);
	}

	/** The first child of that name, or null. */
	public FdtNode child(String childName) {
		return children.stream().filter(c -> c.name.equals(childName)).findFirst().orElse(null);
	}

	void add(FdtProperty property) {
		properties.add(property);
	}

	void add(FdtNode child) {
		children.add(child);
	}
}
