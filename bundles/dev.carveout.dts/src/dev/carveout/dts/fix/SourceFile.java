package dev.carveout.dts.fix;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.IParser;

import dev.carveout.dts.DtsLanguage;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.dts.cpp.SourceReader;

/** A file as a fix sees it: its current text (unsaved edits first) and its syntax tree, to find values by offset. */
final class SourceFile {

	final Path path;
	final String text;
	private final IParseResult parsed;

	private SourceFile(Path path, String text) {
		this.path = path;
		this.text = text;
		this.parsed = DtsLanguage.injector().getInstance(IParser.class).parse(new StringReader(text));
	}

	static SourceFile read(Path path, SourceOverlay overlay) throws IOException {
		return new SourceFile(path, SourceReader.withUnsaved(overlay::contentOf).read(path));
	}

	/** The innermost element of the given type whose text starts at {@code offset}. */
	<T extends EObject> T elementAt(int offset, Class<T> type) {
		INode leaf = NodeModelUtils.findLeafNodeAtOffset(parsed.getRootNode(), offset);
		for (INode node = leaf; node != null; node = node.getParent()) {
			EObject element = node.getSemanticElement();
			if (type.isInstance(element)) {
				ICompositeNode actual = NodeModelUtils.findActualNodeFor(element);
				if (actual != null && actual.getOffset() == offset) {
					return type.cast(element);
				}
			}
		}
		return null;
	}

	static ICompositeNode node(EObject element) {
		return NodeModelUtils.findActualNodeFor(element);
	}

	/** The file's own line break, so inserted lines do not mix CRLF and LF. */
	String lineSeparator() {
		return text.contains("\r\n") ? "\r\n" : "\n";
	}

	/** The blanks that start the line holding {@code offset}. */
	String indentationAt(int offset) {
		int start = offset == 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
		int end = start;
		while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
			end++;
		}
		return text.substring(start, end);
	}

	/** The whole line(s) holding [offset, offset+length), with the line break: what deleting a statement removes. */
	TextEdit deleteLines(int offset, int length) {
		int start = offset == 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
		int end = text.indexOf('\n', offset + length);
		end = end < 0 ? text.length() : end + 1;
		boolean aloneOnItsLines = text.substring(start, offset).isBlank()
				&& text.substring(offset + length, Math.max(offset + length, end)).isBlank();
		return aloneOnItsLines ? new TextEdit(path, start, end - start, "") : new TextEdit(path, offset, length, "");
	}
}
