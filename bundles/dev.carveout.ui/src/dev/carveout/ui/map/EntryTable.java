package dev.carveout.ui.map;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.jface.dialogs.IDialogSettings;
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
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.ui.PlatformUI;
import org.osgi.framework.FrameworkUtil;

/** The table half of the view: one row per entry, the kind cell in the entry's map colour. */
final class EntryTable {

	private static final Map<MapColumn, Integer> WIDTHS = Map.of(MapColumn.NAME, 210, MapColumn.LABEL, 150,
			MapColumn.BASE, 90, MapColumn.END, 90, MapColumn.SIZE, 70, MapColumn.KIND, 130, MapColumn.FLAGS, 80,
			MapColumn.DEFINED_AT, 110, MapColumn.STATUS, 55, MapColumn.PROBLEMS, 75);
	private static final Color PROBLEM = new Color(0xB0, 0x1C, 0x1C);

	/** Where column widths a user set are kept across sessions, one key per column. */
	private static final String WIDTHS_SECTION = "memoryMapTableColumns";

	private final TableViewer viewer;
	private final IDialogSettings widths;
	/** Whether the columns still have their first widths: they are fitted to the first rows shown, once. */
	private boolean fitted;
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
		IDialogSettings all = PlatformUI.getDialogSettingsProvider(FrameworkUtil.getBundle(EntryTable.class)).getDialogSettings();
		widths = all.getSection(WIDTHS_SECTION) != null ? all.getSection(WIDTHS_SECTION) : all.addNewSection(WIDTHS_SECTION);
		fitted = widths.get(MapColumn.NAME.name()) != null;
		for (MapColumn column : MapColumn.values()) {
			TableViewerColumn viewerColumn = new TableViewerColumn(viewer, SWT.LEFT);
			TableColumn tableColumn = viewerColumn.getColumn();
			tableColumn.setText(column.header());
			String stored = widths.get(column.name());
			tableColumn.setWidth(stored != null ? widths.getInt(column.name()) : WIDTHS.getOrDefault(column, 100));
			tableColumn.addListener(SWT.Resize, e -> {
				if (fitted) { // the first widths are not a choice worth keeping
					widths.put(column.name(), tableColumn.getWidth());
				}
			});
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
		if (!fitted && !entries.isEmpty()) {
			for (TableColumn column : viewer.getTable().getColumns()) {
				column.pack();
			}
			fitted = true;
			for (int i = 0; i < MapColumn.values().length; i++) {
				widths.put(MapColumn.values()[i].name(), viewer.getTable().getColumn(i).getWidth());
			}
		}
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
