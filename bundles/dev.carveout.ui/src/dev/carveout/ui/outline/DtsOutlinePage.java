package dev.carveout.ui.outline;

import java.util.List;
import java.util.function.BiConsumer;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;

/** The node tree of the edited file; selecting a node or property reveals it in the editor. */
public final class DtsOutlinePage extends ContentOutlinePage {

	private final BiConsumer<Integer, Integer> reveal;
	private List<OutlineElement> elements = List.of();

	/** @param reveal selects and reveals (offset, length) in the editor */
	public DtsOutlinePage(BiConsumer<Integer, Integer> reveal) {
		this.reveal = reveal;
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		TreeViewer viewer = getTreeViewer();
		viewer.setContentProvider(new OutlineContentProvider());
		viewer.setLabelProvider(OutlineLabels.provider(viewer.getControl()));
		viewer.setInput(elements);
		viewer.expandAll();
	}

	/** Shows new elements; call on the UI thread. */
	public void setElements(List<OutlineElement> newElements) {
		elements = newElements;
		TreeViewer viewer = getTreeViewer();
		if (viewer != null && !viewer.getControl().isDisposed()) {
			viewer.getControl().setRedraw(false);
			try {
				viewer.setInput(elements);
				viewer.expandAll();
			} finally {
				viewer.getControl().setRedraw(true);
			}
		}
	}

	@Override
	public void selectionChanged(SelectionChangedEvent event) {
		super.selectionChanged(event);
		if (event.getSelection() instanceof IStructuredSelection selection
				&& selection.getFirstElement() instanceof OutlineElement element) {
			reveal.accept(element.offset(), element.length());
		}
	}
}
