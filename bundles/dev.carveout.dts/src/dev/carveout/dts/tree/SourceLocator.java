package dev.carveout.dts.tree;

import java.nio.file.Path;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import dev.carveout.memmap.SourceRef;

/** Maps AST elements of one file parsed as written (no cpp) to places in that file. */
public record SourceLocator(Path file, String text) implements Locator {

	@Override
	public SourceRef locate(EObject element) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
		if (node == null) {
			return new SourceRef(file, 1, 1, 0, 0);
		}
		int offset = node.getOffset();
		return new SourceRef(file, node.getStartLine(), column(offset), offset, node.getLength());
	}

	/** The 1-based line of an offset in the text. */
	public int line(int offset) {
		int line = 1;
		for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
			line++;
		}
		return line;
	}

	public int column(int offset) {
		int lineStart = offset == 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
		return offset - lineStart + 1;
	}
}
