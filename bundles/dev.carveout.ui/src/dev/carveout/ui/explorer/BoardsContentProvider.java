package dev.carveout.ui.explorer;

import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredViewer;
import org.eclipse.jface.viewers.Viewer;

/**
 * Adds a "Boards" node to Carveout projects in the Project Explorer, listing the boards by vendor, so a kernel tree's
 * thousand boards can be browsed without walking {@code arch/<arch>/boot/dts}. The node is refreshed when boards
 * are added or removed.
 */
public final class BoardsContentProvider implements ITreeContentProvider, IResourceChangeListener {

	private static final Object[] NONE = new Object[0];

	private StructuredViewer viewer;

	@Override
	public void inputChanged(Viewer newViewer, Object oldInput, Object newInput) {
		if (viewer == null && newViewer instanceof StructuredViewer) {
			ResourcesPlugin.getWorkspace().addResourceChangeListener(this, IResourceChangeEvent.POST_CHANGE);
		}
		viewer = newViewer instanceof StructuredViewer structured ? structured : null;
	}

	@Override
	public Object[] getElements(Object input) {
		return getChildren(input);
	}

	@Override
	public Object[] getChildren(Object parent) {
		try {
			if (parent instanceof IProject project && project.isAccessible()) {
				BoardsGroup group = new BoardsGroup(project);
				return group.hasBoards() ? new Object[] { group } : NONE;
			}
			if (parent instanceof BoardsGroup group) {
				return group.vendors().toArray();
			}
		} catch (CoreException e) {
			ILog.of(BoardsContentProvider.class).log(e.getStatus());
			return NONE;
		}
		if (parent instanceof VendorGroup vendor) {
			return vendor.boards().toArray();
		}
		return NONE;
	}

	@Override
	public Object getParent(Object element) {
		if (element instanceof VendorGroup vendor) {
			return vendor.parent();
		}
		if (element instanceof BoardsGroup group) {
			return group.project();
		}
		return null;
	}

	@Override
	public boolean hasChildren(Object element) {
		return element instanceof BoardsGroup || element instanceof VendorGroup;
	}

	/** A board added or removed refreshes its project's Boards node (the resource tree refreshes only folders). */
	@Override
	public void resourceChanged(IResourceChangeEvent event) {
		Set<IProject> changed = new LinkedHashSet<>();
		try {
			event.getDelta().accept(delta -> {
				IResource resource = delta.getResource();
				if (resource.getType() == IResource.FILE && "dts".equals(resource.getFileExtension())
						&& (delta.getKind() & (IResourceDelta.ADDED | IResourceDelta.REMOVED)) != 0) {
					changed.add(resource.getProject());
				}
				return true;
			});
		} catch (CoreException e) {
			ILog.of(BoardsContentProvider.class).log(e.getStatus());
		}
		StructuredViewer target = viewer;
		if (changed.isEmpty() || target == null || target.getControl() == null || target.getControl().isDisposed()) {
			return;
		}
		target.getControl().getDisplay().asyncExec(() -> {
			if (!target.getControl().isDisposed()) {
				changed.forEach(project -> target.refresh(project));
			}
		});
	}

	@Override
	public void dispose() {
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(this);
		viewer = null;
	}
}
