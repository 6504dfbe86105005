package dev.carveout.ui.editor;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.IParser;

import dev.carveout.dts.DtsLanguage;
import dev.carveout.dts.dts.Label;
import dev.carveout.dts.dts.Node;
import dev.carveout.dts.dts.NodeDefinition;
import dev.carveout.dts.dts.Reference;
import dev.carveout.dts.tree.References;
import dev.carveout.ui.outline.OutlineBuilder;
import dev.carveout.ui.outline.OutlineElement;

/**
 * What the editor shows of one file's structure, from one parse of its text (off the UI thread): the outline, the
 * folding regions (node bodies and block comments over several lines) and the labels and references to colour.
 */
record FileStructure(List<OutlineElement> outline, List<Fold> folds, List<Mark> marks) {

	/** A foldable stretch of whole lines: [offset, offset + length). */
	record Fold(int offset, int length, boolean comment) {
	}

	/** A label definition ({@code target} null) or a reference to {@code target} ("label" or "/path"). */
	record Mark(int offset, int length, String target) {

		boolean isDefinition() {
			return target == null;
		}
	}

	static FileStructure of(String text) {
		IParseResult parse = DtsLanguage.injector().getInstance(IParser.class).parse(new StringReader(text));
		List<Fold> folds = new ArrayList<>();
		List<Mark> marks = new ArrayList<>();
		ICompositeNode root = parse.getRootNode();
		if (root != null) {
			for (ILeafNode leaf : root.getLeafNodes()) {
				if (leaf.isHidden() && leaf.getText().startsWith("/*")) {
					fold(text, leaf.getOffset(), leaf.getEndOffset(), true, folds);
				}
			}
		}
		EObject file = parse.getRootASTElement();
		if (file != null) {
			file.eAllContents().forEachRemaining(element -> {
				ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
				if (node == null) {
					return;
				}
				if (element instanceof NodeDefinition || element instanceof Node) {
					fold(text, node.getOffset(), node.getEndOffset(), false, folds);
				} else if (element instanceof Label) {
					marks.add(new Mark(node.getOffset(), node.getLength(), null));
				} else if (element instanceof Reference reference) {
					marks.add(new Mark(node.getOffset(), node.getLength(), References.target(reference)));
				}
			});
		}
		return new FileStructure(OutlineBuilder.build(parse), folds, marks);
	}

	/** A fold from the start of the first line to the end of the last, if the text spans more than one line. */
	private static void fold(String text, int start, int end, boolean comment, List<Fold> folds) {
		int lineStart = text.lastIndexOf('\n', start - 1) + 1;
		int lastLineEnd = text.indexOf('\n', Math.max(start, end - 1));
		int foldEnd = lastLineEnd < 0 ? text.length() : lastLineEnd + 1;
		if (text.indexOf('\n', start) >= 0 && text.indexOf('\n', start) < end - 1) {
			folds.add(new Fold(lineStart, foldEnd - lineStart, comment));
		}
	}
}
