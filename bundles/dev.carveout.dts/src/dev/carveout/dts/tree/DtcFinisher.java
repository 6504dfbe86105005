package dev.carveout.dts.tree;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.carveout.memmap.Finding;
import dev.carveout.memmap.Severity;
import dev.carveout.memmap.SourceRef;

/**
 * dtc 1.6.1's passes between reading the sources and writing the DTB, in its order (dtc.c's main, then
 * checks.c's check_table): drop redundant "name" properties, report duplicate labels, take explicit
 * phandles, fill in phandle references (numbering referenced nodes), splice in path references, delete
 * unreferenced /omit-if-no-ref/ nodes and, for -@, build /__symbols__. Every pass walks the live tree
 * depth first, a node before its children, as check_nodes_props() does: that walk decides which node gets
 * which phandle.
 */
final class DtcFinisher {

	static final String SYMBOLS = OverlayNames.SYMBOLS;

	private final DtTree tree;
	private final Consumer<Finding> problems;
	/** A /plugin/ file: phandle references it cannot resolve become fixups, not errors. */
	private final boolean plugin;
	private final Map<Integer, DtNode> nodesByPhandle = new HashMap<>();
	/** dtc's static counter in get_node_phandle(): it only moves forward. */
	private int nextPhandle = 1;

	DtcFinisher(DtTree tree, Consumer<Finding> problems, boolean plugin) {
		this.tree = tree;
		this.problems = problems;
		this.plugin = plugin;
	}

	void run(boolean generateSymbols) {
		List<DtNode> nodes = liveNodes();
		nodes.forEach(this::checkNameCharacters);
		nodes.forEach(this::dropRedundantNameProperty);
		reportDuplicateLabels(nodes);
		nodes.forEach(this::takeExplicitPhandle);
		nodes.forEach(this::fillPhandleReferences);
		nodes.forEach(this::splicePathReferences);
		omitUnreferenced(tree.root(), generateSymbols);
		if (generateSymbols) {
			generateSymbols();
		}
		if (plugin) {
			new OverlayFixups(tree).generate();
		}
	}

	private List<DtNode> liveNodes() {
		List<DtNode> nodes = new ArrayList<>();
		collect(tree.root(), nodes);
		return nodes;
	}

	private static void collect(DtNode node, List<DtNode> into) {
		into.add(node);
		node.children().forEach(child -> collect(child, into));
	}

	/** checks.c NODECHARS and PROPCHARS: the punctuation a node or a property name may hold besides letters and digits. */
	private static final String NODE_PUNCTUATION = ",._+-@";
	private static final String PROPERTY_PUNCTUATION = ",._+*#?-";

	/**
	 * checks.c node_name_chars, node_name_format and property_name_chars: dtc's lexer takes '*', '#', '?' and '@'
	 * in every name, its checks refuse what each kind of name may not hold, and a second '@' in a node name.
	 */
	private void checkNameCharacters(DtNode node) {
		int bad = badCharacter(node.name(), NODE_PUNCTUATION);
		if (node.name() == null) {
			// Lost by the parser in a syntax error, the finding for it (found by tests/fuzz.sh).
		} else if (bad >= 0) {
			problem(node.definedAt(), node, "Bad character '" + node.name().charAt(bad) + "' in node name");
		} else if (node.name().indexOf('@') >= 0 && node.name().indexOf('@', node.name().indexOf('@') + 1) >= 0) {
			problem(node.definedAt(), node, "multiple '@' characters in node name");
		}
		for (DtProperty property : node.properties()) {
			bad = badCharacter(property.name(), PROPERTY_PUNCTUATION);
			if (bad >= 0) {
				problem(property.definedAt(), node,
						"Bad character '" + property.name().charAt(bad) + "' in property name " + property.name());
			}
		}
	}

	/** The index of the first character that is neither an ASCII letter or digit nor in {@code punctuation}, or -1. */
	private static int badCharacter(String name, String punctuation) {
		if (name == null) {
			return -1;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			boolean alphanumeric = c < 128 && Character.isLetterOrDigit(c);
			if (!alphanumeric && punctuation.indexOf(c) < 0) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * checks.c name_is_string and name_properties: a "name" that is not one string is an error on it; one that is
	 * not the node's base name an error on the node (where dtc reports it); one equal to it is redundant and removed.
	 */
	private void dropRedundantNameProperty(DtNode node) {
		DtProperty name = node.property("name");
		if (name == null || name.value() == null) {
			return;
		}
		byte[] value = name.value().bytes();
		if (!isOneString(value)) {
			problem(name.definedAt(), node, "\"name\" property is not a string");
			return;
		}
		byte[] base = baseName(node).getBytes(StandardCharsets.UTF_8);
		if (value.length == base.length + 1 && Arrays.equals(value, 0, base.length, base, 0, base.length)) {
			node.removeProperty("name");
		} else {
			problemAtNode(node, name, "\"name\" property is incorrect (not the node's base name)");
		}
	}

	/** data.c data_is_one_string: NUL-terminated, with no other NUL. */
	private static boolean isOneString(byte[] value) {
		if (value.length == 0 || value[value.length - 1] != 0) {
			return false;
		}
		for (int i = 0; i < value.length - 1; i++) {
			if (value[i] == 0) {
				return false;
			}
		}
		return true;
	}

	private static String baseName(DtNode node) {
		int at = node.name().indexOf('@');
		return at < 0 ? node.name() : node.name().substring(0, at);
	}

	/** A label written inside a property's value, as an owner of the label. */
	private record InValue(DtProperty property) {
	}

	/**
	 * checks.c duplicate_label: a label belongs to the first node that has it in tree order, else to the first
	 * property, else to the first value that holds it (get_node_by_label, get_property_by_label, get_marker_label);
	 * every other holder is an error, which dtc reports at the holder's node.
	 */
	private void reportDuplicateLabels(List<DtNode> nodes) {
		Map<String, Object> owners = new HashMap<>();
		nodes.forEach(node -> node.labels().forEach(label -> owners.putIfAbsent(label, node)));
		for (DtNode node : nodes) {
			node.properties().forEach(p -> p.labels().forEach(label -> owners.putIfAbsent(label, p)));
		}
		for (DtNode node : nodes) {
			node.properties().forEach(p -> p.valueLabels().forEach(label -> owners.putIfAbsent(label, new InValue(p))));
		}
		for (DtNode node : nodes) {
			for (String label : node.labels()) {
				duplicate(owners.get(label), node, label, node, null);
			}
			for (DtProperty property : node.properties()) {
				for (String label : property.labels()) {
					duplicate(owners.get(label), property, label, node, property);
				}
				for (String label : property.valueLabels()) {
					duplicate(owners.get(label), new InValue(property), label, node, property);
				}
			}
		}
	}

	private void duplicate(Object owner, Object holder, String label, DtNode node, DtProperty property) {
		if (!holder.equals(owner)) {
			String where = owner instanceof DtNode n ? n.path()
					: owner instanceof DtProperty p ? "property " + p.name() : "a value";
			problemAtNode(node, property, "Duplicate label '" + label + "' on " + node.path()
					+ (property == null ? "" : " (property " + property.name() + ")") + " and " + where);
		}
	}

	/** checks.c explicit_phandles: phandle or linux,phandle written in the source. */
	private void takeExplicitPhandle(DtNode node) {
		int phandle = explicitPhandle(node, "phandle");
		int legacy = explicitPhandle(node, "linux,phandle");
		if (phandle == 0 && legacy == 0) {
			return;
		}
		if (phandle != 0 && legacy != 0 && phandle != legacy) {
			problem(node.definedAt(), node, "mismatching 'phandle' and 'linux,phandle' properties");
		}
		if (phandle == 0) {
			phandle = legacy;
		}
		DtNode other = nodesByPhandle.get(phandle);
		if (other != null && other != node) {
			problem(node.definedAt(), node, String.format("duplicated phandle 0x%x (seen before at %s)", phandle, other.path()));
			return;
		}
		node.setPhandle(phandle);
		nodesByPhandle.put(phandle, node);
	}

	/** 0 when absent, invalid, or a reference to the node itself (which asks for a phandle to be assigned). */
	private int explicitPhandle(DtNode node, String name) {
		DtProperty property = node.property(name);
		if (property == null || property.value() == null) {
			return 0;
		}
		PropertyValue value = property.value();
		if (value.length() != 4) {
			problem(property.definedAt(), node, "bad length (" + value.length() + ") " + name + " property");
			return 0;
		}
		for (PropertyValue.Reference ref : value.references()) {
			if (!ref.isPath()) {
				if (resolve(ref.target()) != node) {
					problemAtNode(node, property, name + " is a reference to another node");
				}
				return 0;
			}
		}
		int phandle = (int) value.cells()[0];
		if (!valid(phandle)) {
			problem(property.definedAt(), node, String.format("bad value (0x%x) in %s property", phandle, name));
			return 0;
		}
		return phandle;
	}

	private static boolean valid(int phandle) {
		return phandle != 0 && phandle != -1;
	}

	/** checks.c phandle_references: each &label in a cell list becomes the target's phandle. */
	private void fillPhandleReferences(DtNode node) {
		for (DtProperty property : node.properties()) {
			PropertyValue value = property.value();
			if (value == null || value.references().stream().allMatch(PropertyValue.Reference::isPath)) {
				continue;
			}
			byte[] bytes = value.bytes().clone();
			for (PropertyValue.Reference ref : value.references()) {
				if (ref.isPath()) {
					continue;
				}
				DtNode target = plugin ? resolve(ref.target()) : target(ref, property, node);
				if (target == null) {
					// left for the loader: checks.c marks it 0xffffffff and the fixups name it
					ByteBuffer.wrap(bytes).putInt(ref.offset(), -1);
				} else {
					ByteBuffer.wrap(bytes).putInt(ref.offset(), phandleOf(target));
					target.markReferenced();
				}
			}
			property.setValue(new PropertyValue(bytes, value.references()));
		}
	}

	/** checks.c path_references: each &label outside cells becomes the target's full path, NUL included. */
	private void splicePathReferences(DtNode node) {
		for (DtProperty property : node.properties()) {
			PropertyValue value = property.value();
			if (value == null || value.references().stream().noneMatch(PropertyValue.Reference::isPath)) {
				continue;
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			List<PropertyValue.Reference> moved = new ArrayList<>();
			int copied = 0;
			int shift = 0;
			for (PropertyValue.Reference ref : value.references()) {
				out.write(value.bytes(), copied, ref.offset() - copied);
				copied = ref.offset();
				moved.add(new PropertyValue.Reference(ref.offset() + shift, ref.target(), ref.isPath()));
				if (!ref.isPath()) {
					continue;
				}
				DtNode target = target(ref, property, node);
				if (target != null) {
					byte[] path = (target.path() + "\0").getBytes(StandardCharsets.UTF_8);
					out.writeBytes(path);
					shift += path.length;
					target.markReferenced();
				}
			}
			out.write(value.bytes(), copied, value.length() - copied);
			property.setValue(new PropertyValue(out.toByteArray(), List.copyOf(moved)));
		}
	}

	private DtNode target(PropertyValue.Reference ref, DtProperty property, DtNode node) {
		DtNode target = resolve(ref.target());
		if (target == null) {
			problemAtNode(node, property, "Reference to non-existent node or label \"" + ref.target() + "\"");
		}
		return target;
	}

	private DtNode resolve(String reference) {
		return tree.resolve(reference);
	}

	/**
	 * livetree.c get_node_phandle(): the node's phandle, or the next number no node has, recorded in a new
	 * "phandle" property at the end of the node. dtc's default -H epapr adds no "linux,phandle".
	 */
	private int phandleOf(DtNode node) {
		if (valid(node.phandle())) {
			return node.phandle();
		}
		while (nodesByPhandle.containsKey(nextPhandle)) {
			nextPhandle++;
		}
		int phandle = nextPhandle;
		node.setPhandle(phandle);
		nodesByPhandle.put(phandle, node);
		if (node.property("phandle") == null) {
			node.appendProperty("phandle", new PropertyValue(ByteBuffer.allocate(4).putInt(phandle).array(), List.of()));
		}
		return phandle;
	}

	/**
	 * checks.c omit_unused_nodes: an /omit-if-no-ref/ node nothing refers to is deleted, except that with -@
	 * a node that ever had a label stays (its label could be referred to by an overlay).
	 */
	private void omitUnreferenced(DtNode node, boolean generateSymbols) {
		boolean keptForSymbols = generateSymbols && node.hasAnyLabelEntry();
		if (!keptForSymbols && node.isOmitIfUnreferenced() && !node.isReferenced()) {
			node.delete();
			return;
		}
		node.children().forEach(child -> omitUnreferenced(child, generateSymbols));
	}

	/**
	 * livetree.c generate_label_tree() for -@: /__symbols__ gets one property per live label, in tree order
	 * and each node's label order, holding the node's path; every node with labels gets a phandle.
	 */
	private void generateSymbols() {
		if (liveNodes().stream().noneMatch(DtNode::hasAnyLabelEntry)) {
			return;
		}
		DtNode symbols = tree.root().child(SYMBOLS);
		if (symbols == null) {
			symbols = tree.root().childForMerge(SYMBOLS, SourceRef.UNKNOWN);
		}
		for (DtNode node : liveNodes()) {
			if (!node.hasAnyLabelEntry()) {
				continue;
			}
			for (String label : node.labels()) {
				if (symbols.property(label) != null) {
					// dtc only warns and keeps the first path
					problems.accept(new Finding(EffectiveTreeBuilder.RULE_TREE, Severity.WARNING,
							"label " + label + " already exists in /" + SYMBOLS, node.definedAt(), node.path()));
					continue;
				}
				symbols.appendProperty(label,
						new PropertyValue((node.path() + "\0").getBytes(StandardCharsets.UTF_8), List.of()));
			}
			phandleOf(node);
		}
	}

	/**
	 * An error dtc's checks report at the node (its first definition): there, and also on the property's own line
	 * when that is elsewhere (often the board, when the node comes from a .dtsi), where the user has to act.
	 */
	private void problemAtNode(DtNode node, DtProperty property, String message) {
		problem(node.definedAt(), node, message);
		if (property != null && !sameLine(property.definedAt(), node.definedAt())) {
			problem(property.definedAt(), node, message);
		}
	}

	private static boolean sameLine(SourceRef a, SourceRef b) {
		return java.util.Objects.equals(a.file(), b.file()) && a.line() == b.line();
	}

	private void problem(SourceRef at, DtNode node, String message) {
		problems.accept(new Finding(EffectiveTreeBuilder.RULE_TREE, Severity.ERROR, message, at, node.path()));
	}
}
