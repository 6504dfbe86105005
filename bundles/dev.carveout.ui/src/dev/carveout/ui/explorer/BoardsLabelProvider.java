package dev.carveout.ui.explorer;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.resource.ResourceLocator;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

/** Labels of the Project Explorer's "Boards" node and its vendor folders (the boards are files, labelled as such). */
public final class BoardsLabelProvider extends LabelProvider {

	private final LocalResourceManager images = new LocalResourceManager(JFaceResources.getResources());

	@Override
	public String getText(Object element) {
		if (element instanceof BoardsGroup) {
			return "Boards";
		}
		if (element instanceof VendorGroup vendor) {
			return vendor.label();
		}
		return null;
	}

	@Override
	public Image getImage(Object element) {
		if (element instanceof BoardsGroup) {
			ImageDescriptor boards = ResourceLocator.imageDescriptorFromBundle(BoardsLabelProvider.class, "icons/boards.svg")
					.orElse(null);
			return boards == null ? null : images.create(boards);
		}
		if (element instanceof VendorGroup) {
			return PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJ_FOLDER);
		}
		return null;
	}

	@Override
	public void dispose() {
		images.dispose();
		super.dispose();
	}
}
