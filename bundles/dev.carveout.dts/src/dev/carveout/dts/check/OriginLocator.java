package dev.carveout.dts.check;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import dev.carveout.dts.cpp.OriginMap;
import dev.carveout.dts.tree.Locator;
import dev.carveout.memmap.SourceRef;

/**
 * Maps elements parsed from cpp's output back to the file, line and column they were written at. {@code start}
 * is where the parsed text begins in cpp's output: a segment's offsets are relative to the segment.
 */
record OriginLocator(OriginMap origins, int start) implements Locator {

	@Override
	public SourceRef locate(EObject element) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
		if (node == null) {
			return SourceRef.UNKNOWN;
		}
		// getOffset() walks to the first non-hidden leaf: ask once (getLength() would ask again).
		int offset = node.getOffset();
		return origins.sourceRef(start + offset, start + node.getEndOffset());
	}
}
