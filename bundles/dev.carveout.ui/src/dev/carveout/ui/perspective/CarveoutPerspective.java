package dev.carveout.ui.perspective;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

import dev.carveout.ui.map.MemoryMapView;

/**
 * The Carveout perspective: the editor in the middle, the Outline on the left, the Memory Map on the right at
 * full height (a map to scale needs height more than anything), and below the editor the views a BSP engineer
 * works through after editing: Problems, then the board-side views of dev.carveout.target.ui.
 */
public final class CarveoutPerspective implements IPerspectiveFactory {

	public static final String ID = "dev.carveout.ui.perspective";
	/** The board-side views, declared by dev.carveout.target.ui (in the same feature). */
	public static final String TARGETS_VIEW = "dev.carveout.target.ui.targetsView";
	public static final String HEAPS_VIEW = "dev.carveout.target.ui.heapsView";
	public static final String TERMINAL_VIEW = "dev.carveout.target.ui.terminalView";

	@Override
	public void createInitialLayout(IPageLayout layout) {
		String editors = layout.getEditorArea();
		// Added first, so they split the whole window height; the bottom folder then splits only the editor's column.
		layout.addView(MemoryMapView.ID, IPageLayout.RIGHT, 0.55f, editors);
		layout.addView(IPageLayout.ID_PROJECT_EXPLORER, IPageLayout.LEFT, 0.28f, editors);
		layout.addView(IPageLayout.ID_OUTLINE, IPageLayout.BOTTOM, 0.4f, IPageLayout.ID_PROJECT_EXPLORER);
		IFolderLayout bottom = layout.createFolder("dev.carveout.ui.perspective.bottom", IPageLayout.BOTTOM, 0.68f, editors);
		bottom.addView(IPageLayout.ID_PROBLEM_VIEW);
		bottom.addView(TARGETS_VIEW);
		bottom.addView(HEAPS_VIEW);
		bottom.addView(TERMINAL_VIEW);

		for (String view : new String[] { MemoryMapView.ID, IPageLayout.ID_OUTLINE, IPageLayout.ID_PROJECT_EXPLORER,
				IPageLayout.ID_PROBLEM_VIEW, TARGETS_VIEW, HEAPS_VIEW, TERMINAL_VIEW }) {
			layout.addShowViewShortcut(view);
		}
		layout.addPerspectiveShortcut("org.eclipse.ui.resourcePerspective");
		layout.addNewWizardShortcut("dev.carveout.ui.newProject");
	}
}
