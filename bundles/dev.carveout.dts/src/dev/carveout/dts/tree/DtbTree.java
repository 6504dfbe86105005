package dev.carveout.dts.tree;

import java.util.List;

import dev.carveout.dts.fdt.Fdt;
import dev.carveout.dts.fdt.FdtNode;
import dev.carveout.dts.fdt.FdtProperty;
import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.SourceRef;

/**
 * A flattened tree read back as an effective tree, so that what reads a board's tree (the memory-map
 * extractor above all) reads a DTB the same way. A DTB has no source: every place is {@link SourceRef#UNKNOWN},
 * and phandles are plain cells (no references to resolve).
 */
public final class DtbTree {

	private DtbTree() {
	}

	public static DtTree of(Fdt fdt) {
		DtNode root = new DtNode("", null, SourceRef.UNKNOWN);
		copy(fdt.root(), root);
		DtTree tree = new DtTree(root);
		for (Fdt.MemReserve entry : fdt.memreserves()) {
			tree.memreserves().add(new DtTree.MemReserveEntry(new AddressRange(entry.address(), entry.size()), SourceRef.UNKNOWN));
		}
		return tree;
	}

	private static void copy(FdtNode from, DtNode to) {
		for (FdtProperty property : from.properties()) {
			to.setProperty(property.name(), new PropertyValue(property.value(), List.of()), SourceRef.UNKNOWN, List.of());
		}
		for (FdtNode child : from.children()) {
			copy(child, to.childForMerge(child.name(), SourceRef.UNKNOWN));
		}
	}
}
