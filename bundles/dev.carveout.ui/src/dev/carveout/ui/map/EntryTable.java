package dev.carveout.ui.map;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;

/** The table half of the view: one row per entry, the kind cell in the entry's map colour. */
final class EntryTable {

	private static final Map<MapColumn, Integer> WIDTHS = Map.of(MapColumn.NAME, 210, MapColumn.LABEL, 150,
			MapColumn.BASE, 90, MapColumn.END, 90, MapColumn.SIZE, 70, MapColumn.KIND, 130, MapColumn.FLAGS, 80,
			MapColumn.DEFINED_AT, 110, MapColumn.STATUS, 55, MapColumn.PROBLEMS, 75);
	private static final Color PROBLEM = new Color(0xB0, 0x1C, 0x1C);

	private final TableViewer viewer;
	/** Set while the view selects a row itself, so that does not count as the user's choice. */
	private boolean selectingQuietly;

	/**
	 * @param selected told the entry the user selected
	 * @param opened   told the entry the user double-clicked or pressed Enter on
	 */
	EntryTable(Composite parent, Consumer<MapEntry> selected, Consumer<MapEntry> opened) {
		viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
		Table table = viewer.getTable();
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		for (MapColumn column : MapColumn.values()) {
			TableViewerColumn viewerColumn = new TableViewerColumn(viewer, SWT.LEFT);
			viewerColumn.getColumn().setText(column.header());
			viewerColumn.getColumn().setWidth(WIDTHS.getOrDefault(column, 100));
			viewerColumn.setLabelProvider(new EntryColumnLabels(column));
		}
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		viewer.addPostSelectionChangedListener(e -> {
			if (!selectingQuietly) {
				selected.accept(first(e.getStructuredSelection()));
			}
		});
		viewer.addOpenListener(e -> {
			MapEntry entry = first((IStructuredSelection) e.getSelection());
			if (entry != null) {
				opened.accept(entry);
			}
		});
	}

	TableViewer viewer() {
		return viewer;
	}

	void setInput(List<MapEntry> entries) {
		viewer.setInput(entries);
	}

	/** Selects without telling the listener: the caller already knows. */
	void select(MapEntry entry) {
		selectingQuietly = true;
		try {
			viewer.setSelection(entry == null ? StructuredSelection.EMPTY : new StructuredSelection(entry), true);
		} finally {
			selectingQuietly = false;
		}
	}

	MapEntry selection() {
		return first(viewer.getStructuredSelection());
	}

	private static MapEntry first(IStructuredSelection selection) {
		return selection.getFirstElement() instanceof MapEntry entry ? entry : null;
	}

	private static final class EntryColumnLabels extends ColumnLabelProvider {
		private final MapColumn column;

		EntryColumnLabels(MapColumn column) {
			this.column = column;
		}

		@Override
		public String getText(Object element) {
			return column.text((MapEntry) element);
		}

		@Override
		public Color getBackground(Object element) {
			if (column != MapColumn.KIND) {
				return null;
			}
			int rgb = Swatch.of((MapEntry) element).fill();
			return new Color((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
		}

		@Override
		public Color getForeground(Object element) {
			return column == MapColumn.PROBLEMS ? PROBLEM : null;
		}

		@Override
		public String getToolTipText(Object element) {
			return column == MapColumn.DEFINED_AT ? String.valueOf(((MapEntry) element).definedAt()) : null;
		}
	}
}
