package dev.carveout.ui.navigation;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

import org.eclipse.jface.dialogs.PopupDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

import dev.carveout.ui.outline.OutlineContentProvider;
import dev.carveout.ui.outline.OutlineElement;
import dev.carveout.ui.outline.OutlineLabels;

/**
 * Ctrl+O: the outline of the file in a popup over the editor. Typing filters it (a node stays while it or
 * something below it matches: labels, names and unit addresses); Enter or a click goes to the selected node.
 */
public final class QuickOutlinePopup extends PopupDialog {

	private final List<OutlineElement> elements;
	private final BiConsumer<Integer, Integer> reveal;
	private Text filter;
	private TreeViewer viewer;
	private String pattern = "";

	/** @param reveal selects and reveals (offset, length) in the editor */
	public QuickOutlinePopup(Shell parent, List<OutlineElement> elements, BiConsumer<Integer, Integer> reveal) {
		// A title text (even empty) gives the popup the title area where the filter field goes.
		super(parent, SWT.RESIZE, true, false, false, false, false, "", "Type to filter; Enter goes to the node");
		this.elements = elements;
		this.reveal = reveal;
	}

	@Override
	protected Control createTitleControl(Composite parent) {
		filter = new Text(parent, SWT.NONE);
		filter.setMessage("label, node name or unit address");
		GridData data = new GridData(GridData.FILL_HORIZONTAL);
		filter.setLayoutData(data);
		filter.addModifyListener(e -> {
			pattern = filter.getText().strip().toLowerCase(Locale.ROOT);
			viewer.refresh();
			viewer.expandAll();
			selectFirstMatch();
		});
		filter.addListener(SWT.DefaultSelection, e -> goToSelection());
		filter.addListener(SWT.KeyDown, e -> {
			if (e.keyCode == SWT.ARROW_DOWN) {
				viewer.getTree().setFocus();
			}
		});
		return filter;
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		viewer = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
		viewer.getTree().setLayoutData(new GridData(GridData.FILL_BOTH));
		viewer.setContentProvider(new OutlineContentProvider());
		viewer.setLabelProvider(OutlineLabels.provider(viewer.getControl()));
		viewer.addFilter(new ViewerFilter() {
			@Override
			public boolean select(Viewer v, Object parentElement, Object element) {
				return matches((OutlineElement) element);
			}
		});
		viewer.setInput(elements);
		viewer.expandAll();
		viewer.getTree().addListener(SWT.DefaultSelection, e -> goToSelection());
		viewer.getTree().addListener(SWT.MouseUp, e -> {
			TreeItem item = viewer.getTree().getItem(new Point(e.x, e.y));
			// On the text only: a click on the expand arrow opens or closes a node and stays in the popup.
			if (item != null && item.getBounds().contains(e.x, e.y)) {
				goToSelection();
			}
		});
		return viewer.getTree();
	}

	@Override
	protected Control getFocusControl() {
		return filter;
	}

	@Override
	protected Point getDefaultSize() {
		return new Point(420, 360);
	}

	/** The tree the popup filters (tests look at it as the user does). */
	public Tree tree() {
		return viewer.getTree();
	}

	private boolean matches(OutlineElement element) {
		if (pattern.isEmpty() || element.label().toLowerCase(Locale.ROOT).contains(pattern)) {
			return true;
		}
		return element.children().stream().anyMatch(this::matches);
	}

	private void selectFirstMatch() {
		Tree tree = viewer.getTree();
		TreeItem first = firstMatching(tree.getItems());
		if (first != null) {
			tree.setSelection(first);
		}
	}

	private TreeItem firstMatching(TreeItem[] items) {
		for (TreeItem item : items) {
			if (pattern.isEmpty() || item.getText().toLowerCase(Locale.ROOT).contains(pattern)) {
				return item;
			}
			TreeItem below = firstMatching(item.getItems());
			if (below != null) {
				return below;
			}
		}
		return null;
	}

	private void goToSelection() {
		if (viewer.getStructuredSelection() instanceof IStructuredSelection selection
				&& selection.getFirstElement() instanceof OutlineElement element) {
			close();
			reveal.accept(element.offset(), element.length());
		}
	}
}
