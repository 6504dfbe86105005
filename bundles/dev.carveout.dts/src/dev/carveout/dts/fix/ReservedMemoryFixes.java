package dev.carveout.dts.fix;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;

import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.dts.dts.Node;
import dev.carveout.dts.dts.Property;
import dev.carveout.dts.tree.DtNode;
import dev.carveout.dts.tree.DtProperty;
import dev.carveout.memmap.MemoryMap;
import dev.carveout.memmap.SourceRef;

/**
 * R1: gives /reserved-memory the root's #address-cells and #size-cells and a ranges property, so Linux stops
 * ignoring it. A wrong value is rewritten where it was last defined; a missing property is added where the
 * node was first defined, on its own line after the opening brace, in the file's indentation and line breaks.
 */
final class ReservedMemoryFixes {

	static final String RULE = "R1";

	private final MemoryMap map;
	private final DtNode node;
	private final SourceOverlay overlay;
	private String whyNone;
	/** The cell counts rewritten in place, for the fix's label. */
	private final List<String> rewritten = new ArrayList<>();

	ReservedMemoryFixes(CheckResult result, SourceOverlay overlay) {
		this.map = result.memoryMap();
		this.node = map.reservedMemory() == null ? null : result.tree().find(map.reservedMemory().path());
		this.overlay = overlay;
	}

	Candidates fixes() throws IOException {
		if (node == null) {
			return new Candidates(List.of(), null);
		}
		List<TextEdit> edits = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		if (!cells("#address-cells", map.rootAddressCells(), edits, missing) || !cells("#size-cells", map.rootSizeCells(), edits, missing)) {
			return new Candidates(List.of(), whyNone);
		}
		if (node.property("ranges") == null || node.property("ranges").isDeleted()) {
			missing.add("ranges;");
		}
		if (!missing.isEmpty()) {
			TextEdit insert = insertAfterBrace(missing);
			if (insert == null) {
				return new Candidates(List.of(), whyNone);
			}
			edits.add(insert);
		}
		List<String> changes = new ArrayList<>(rewritten);
		missing.forEach(line -> changes.add(line.substring(0, line.length() - 1)));
		String label = "Set " + String.join(", ", changes) + " in " + node.name();
		return new Candidates(edits.isEmpty() ? List.of() : List.of(new Fix(label, RULE, edits)), whyNone);
	}

	/** Rewrites a wrong cell count in place or asks for the line to be added; false when it cannot be written. */
	private boolean cells(String name, int wanted, List<TextEdit> edits, List<String> missing) throws IOException {
		DtProperty property = node.property(name);
		if (property == null || property.isDeleted()) {
			missing.add(name + " = <" + wanted + ">;");
			return true;
		}
		SourceRef at = property.definedAt();
		if (!at.isKnown()) {
			return false;
		}
		SourceFile file = SourceFile.read(at.file(), overlay);
		Property written = file.elementAt(at.offset(), Property.class);
		CellNumbers cells = written == null ? null : CellNumbers.of(written);
		if (cells == null || cells.size() != 1) {
			whyNone = String.format("no quick fix: %s of %s %s (%s:%d); a fix rewrites only plain numbers, so change it by hand", name,
					node.path(), written == null ? "comes from a macro" : CellNumbers.whyNot(written), at.file().getFileName(), at.line());
			return false;
		}
		List<TextEdit> rewrite = cells.write(file, 0, 1, wanted);
		if (!rewrite.isEmpty()) {
			edits.addAll(rewrite);
			rewritten.add(name + " = <" + wanted + ">");
		}
		return true;
	}

	private TextEdit insertAfterBrace(List<String> properties) throws IOException {
		SourceRef at = node.definedAt();
		if (!at.isKnown()) {
			return null;
		}
		SourceFile file = SourceFile.read(at.file(), overlay);
		Node written = file.elementAt(at.offset(), Node.class);
		if (written == null) {
			return null;
		}
		ICompositeNode whole = SourceFile.node(written);
		int brace = -1;
		for (ILeafNode leaf : whole.getLeafNodes()) {
			if (!leaf.isHidden() && leaf.getText().equals("{")) {
				brace = leaf.getEndOffset();
				break;
			}
		}
		if (brace < 0) {
			return null;
		}
		int lineEnd = file.text.indexOf('\n', brace);
		boolean braceEndsItsLine = lineEnd >= 0 && file.text.substring(brace, lineEnd).isBlank();
		StringBuilder text = new StringBuilder();
		if (braceEndsItsLine) {
			String indent = written.getBody().isEmpty() ? file.indentationAt(whole.getOffset()) + "\t"
					: file.indentationAt(SourceFile.node(written.getBody().get(0)).getOffset());
			// After the brace's own line break, so the new lines come first in the body.
			int insertAt = lineEnd + 1;
			for (String property : properties) {
				text.append(indent).append(property).append(file.lineSeparator());
			}
			return new TextEdit(file.path, insertAt, 0, text.toString());
		}
		for (String property : properties) {
			text.append(' ').append(property);
		}
		return new TextEdit(file.path, brace, 0, text.toString());
	}
}
