package dev.carveout.ui.editor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.BadPositionCategoryException;
import org.eclipse.jface.text.DefaultPositionUpdater;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IPositionUpdater;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextPresentationListener;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.Color;

import dev.carveout.dts.tree.DtTree;

/**
 * Colours labels by what the board makes of them, which the syntax alone cannot tell: label definitions, references,
 * and references that do not resolve in the board's effective tree (red, underlined: dtc will fail on them).
 * The places are document positions, so they move with the text until the next check replaces them.
 */
final class SemanticHighlighter implements ITextPresentationListener {

	enum Kind {
		LABEL_DEFINITION, REFERENCE, UNRESOLVED_REFERENCE
	}

	static final Color DEFINITION_COLOR = new Color(160, 60, 0);
	static final Color REFERENCE_COLOR = new Color(0, 110, 150);
	static final Color UNRESOLVED_COLOR = new Color(200, 0, 0);

	private static final String CATEGORY = "dev.carveout.ui.semantic";

	private static final class Highlight extends Position {
		final Kind kind;

		Highlight(int offset, int length, Kind kind) {
			super(offset, length);
			this.kind = kind;
		}
	}

	private final ProjectionViewer viewer;
	private final IPositionUpdater updater = new DefaultPositionUpdater(CATEGORY);
	private IDocument document;
	private List<FileStructure.Mark> marks = List.of();
	private DtTree tree;

	SemanticHighlighter(ProjectionViewer viewer) {
		this.viewer = viewer;
		viewer.addTextPresentationListener(this);
	}

	/** New marks from a parse of the current text (UI thread). */
	void marksChanged(List<FileStructure.Mark> newMarks) {
		marks = newMarks;
		refresh();
	}

	/**
	 * The tree of a new check of the board (UI thread); null when there is no whole board to judge references by
	 * (a .dtsi checked alone often uses labels of the SoC file its boards include first).
	 */
	void treeChanged(DtTree newTree) {
		tree = newTree;
		refresh();
	}

	/** The kind of highlight at a document offset, or null (for tests). */
	Kind kindAt(int offset) {
		for (Position position : positions()) {
			if (position.includes(offset)) {
				return ((Highlight) position).kind;
			}
		}
		return null;
	}

	private void refresh() {
		IDocument current = viewer.getDocument();
		if (current == null) {
			return;
		}
		attach(current);
		Set<Styled> before = styled(positions());
		try {
			current.removePositionCategory(CATEGORY);
			current.addPositionCategory(CATEGORY);
			for (FileStructure.Mark mark : marks) {
				if (mark.offset() + mark.length() <= current.getLength()) {
					current.addPosition(CATEGORY, new Highlight(mark.offset(), mark.length(), kindOf(mark)));
				}
			}
		} catch (BadPositionCategoryException | BadLocationException e) {
			// the marks were made from text that has changed since: the next parse brings new ones
		}
		repaintChanges(before, styled(positions()), current.getLength());
	}

	/** What a highlight looks like where: two equal ones need no repaint. */
	private record Styled(int offset, int length, Kind kind) {
	}

	private static Set<Styled> styled(List<Position> positions) {
		Set<Styled> styled = new HashSet<>();
		for (Position position : positions) {
			styled.add(new Styled(position.getOffset(), position.getLength(), ((Highlight) position).kind));
		}
		return styled;
	}

	/**
	 * Re-colours only the stretch where highlights came, went or changed kind: a whole-document repaint after
	 * every check would re-scan a SoC .dtsi of thousands of lines on the UI thread.
	 */
	private void repaintChanges(Set<Styled> before, Set<Styled> after, int documentLength) {
		Set<Styled> changed = new HashSet<>(before);
		changed.addAll(after);
		Set<Styled> unchanged = new HashSet<>(before);
		unchanged.retainAll(after);
		changed.removeAll(unchanged);
		int start = Integer.MAX_VALUE;
		int end = -1;
		for (Styled styled : changed) {
			start = Math.min(start, styled.offset());
			end = Math.max(end, styled.offset() + styled.length());
		}
		if (end >= 0) {
			int from = Math.min(start, documentLength);
			viewer.invalidateTextPresentation(from, Math.min(end, documentLength) - from);
		}
	}

	private Kind kindOf(FileStructure.Mark mark) {
		if (mark.isDefinition()) {
			return Kind.LABEL_DEFINITION;
		}
		// Without a board there is nothing to resolve against: say nothing rather than cry wolf.
		return tree == null || tree.resolve(mark.target()) != null ? Kind.REFERENCE : Kind.UNRESOLVED_REFERENCE;
	}

	private void attach(IDocument current) {
		if (document != current) {
			if (document != null) {
				document.removePositionUpdater(updater);
			}
			document = current;
			document.addPositionCategory(CATEGORY);
			document.addPositionUpdater(updater);
		}
	}

	private List<Position> positions() {
		if (document == null) {
			return List.of();
		}
		try {
			return List.of(document.getPositions(CATEGORY));
		} catch (BadPositionCategoryException e) {
			return List.of();
		}
	}

	@Override
	public void applyTextPresentation(TextPresentation presentation) {
		IRegion extent = presentation.getExtent();
		List<StyleRange> ranges = new ArrayList<>();
		for (Position position : positions()) {
			if (position.isDeleted() || !position.overlapsWith(extent.getOffset(), extent.getLength())) {
				continue;
			}
			StyleRange range = new StyleRange(position.getOffset(), position.getLength(), null, null);
			switch (((Highlight) position).kind) {
			case LABEL_DEFINITION -> {
				range.foreground = DEFINITION_COLOR;
				range.fontStyle = SWT.BOLD;
			}
			case REFERENCE -> range.foreground = REFERENCE_COLOR;
			case UNRESOLVED_REFERENCE -> {
				range.foreground = UNRESOLVED_COLOR;
				range.underline = true;
				range.underlineStyle = SWT.UNDERLINE_SQUIGGLE;
				range.underlineColor = UNRESOLVED_COLOR;
			}
			}
			ranges.add(range);
		}
		presentation.mergeStyleRanges(ranges.toArray(StyleRange[]::new));
	}

	void dispose() {
		viewer.removeTextPresentationListener(this);
		if (document != null) {
			document.removePositionUpdater(updater);
			try {
				document.removePositionCategory(CATEGORY);
			} catch (BadPositionCategoryException e) {
				// never added
			}
		}
	}
}
