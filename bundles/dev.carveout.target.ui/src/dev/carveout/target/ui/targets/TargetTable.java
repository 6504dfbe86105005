package dev.carveout.target.ui.targets;

import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

import dev.carveout.target.Target;

/** The table of targets shown by the Targets view and the Targets preference page. */
final class TargetTable {

	private TargetTable() {
	}

	/** A viewer of {@link Target}s in its own composite under {@code parent}; its input is set by the caller. */
	static TableViewer create(Composite parent, Supplier<SecureTargetSecrets> secrets) {
		Composite holder = new Composite(parent, SWT.NONE);
		TableColumnLayout layout = new TableColumnLayout();
		holder.setLayout(layout);
		TableViewer viewer = new TableViewer(holder, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		column(viewer, layout, "Name", 3, Target::name);
		column(viewer, layout, "Address", 3, t -> t.host() + ":" + t.port());
		column(viewer, layout, "User", 2, Target::user);
		column(viewer, layout, "Authentication", 4, t -> authentication(t, secrets.get()));
		return viewer;
	}

	static String authentication(Target t, SecureTargetSecrets secrets) {
		boolean stored = secrets.has(t.name());
		if (t.usesPassword()) {
			return stored ? "password (secure storage)" : "password (not stored)";
		}
		return t.privateKeyFile().getFileName() + (stored ? " + passphrase (secure storage)" : "");
	}

	private static void column(TableViewer viewer, TableColumnLayout layout, String title, int weight,
			Function<Target, String> text) {
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
		column.getColumn().setText(title);
		layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, 60));
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((Target) element);
			}
		});
	}
}
