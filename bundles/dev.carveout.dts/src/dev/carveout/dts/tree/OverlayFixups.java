package dev.carveout.dts.tree;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.carveout.memmap.SourceRef;

/**
 * dtc's generate_fixups_tree() and generate_local_fixups_tree() for a /plugin/ file: every phandle reference
 * the overlay cannot resolve becomes a "path:property:offset" string under /__fixups__/label, and every one it
 * resolves itself an offset under /__local_fixups__ at the same path, so that the loader can renumber it.
 */
final class OverlayFixups {

	private final DtTree tree;

	OverlayFixups(DtTree tree) {
		this.tree = tree;
	}

	void generate() {
		List<DtNode> nodes = new ArrayList<>();
		collect(tree.root(), nodes);
		DtNode fixups = null;
		for (DtNode node : nodes) {
			for (DtProperty property : node.properties()) {
				for (PropertyValue.Reference ref : phandleReferences(property)) {
					if (tree.resolve(ref.target()) == null) {
						fixups = fixups != null ? fixups : tree.root().childForMerge(OverlayNames.FIXUPS, SourceRef.UNKNOWN);
						String entry = node.path() + ":" + property.name() + ":" + ref.offset() + "\0";
						fixups.extendProperty(ref.target(), entry.getBytes(StandardCharsets.UTF_8));
					}
				}
			}
		}
		DtNode localFixups = null;
		for (DtNode node : nodes) {
			for (DtProperty property : node.properties()) {
				for (PropertyValue.Reference ref : phandleReferences(property)) {
					if (tree.resolve(ref.target()) != null) {
						localFixups = localFixups != null ? localFixups
								: tree.root().childForMerge(OverlayNames.LOCAL_FIXUPS, SourceRef.UNKNOWN);
						mirror(localFixups, node).extendProperty(property.name(),
								ByteBuffer.allocate(4).putInt(ref.offset()).array());
					}
				}
			}
		}
	}

	private static List<PropertyValue.Reference> phandleReferences(DtProperty property) {
		return property.value() == null ? List.of()
				: property.value().references().stream().filter(r -> !r.isPath()).toList();
	}

	/** The node under /__local_fixups__ at the same path as {@code node}, made on the way if missing. */
	private static DtNode mirror(DtNode localFixups, DtNode node) {
		if (node.parent() == null) {
			return localFixups;
		}
		DtNode parent = mirror(localFixups, node.parent());
		DtNode existing = parent.child(node.name());
		return existing != null ? existing : parent.childForMerge(node.name(), SourceRef.UNKNOWN);
	}

	private static void collect(DtNode node, List<DtNode> into) {
		into.add(node);
		node.children().forEach(child -> collect(child, into));
	}
}
