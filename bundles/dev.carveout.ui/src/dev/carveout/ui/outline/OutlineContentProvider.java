package dev.carveout.ui.outline;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;

/** The tree of {@link OutlineElement}s for the Outline view and the Quick Outline; its input is the top list. */
public final class OutlineContentProvider extends ArrayContentProvider implements ITreeContentProvider {

	@Override
	public Object[] getChildren(Object parent) {
		return ((OutlineElement) parent).children().toArray();
	}

	@Override
	public Object getParent(Object element) {
		return null;
	}

	@Override
	public boolean hasChildren(Object element) {
		return !((OutlineElement) element).children().isEmpty();
	}
}
