package dev.carveout.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.carveout.ui.map.MemoryMapView;
import dev.carveout.ui.perspective.CarveoutPerspective;

/** The Carveout perspective as a user opens it: which views it shows, where, and that Reset brings them back. */
class PerspectiveTest {

	private BoardFixture fixture;
	private IWorkbenchPage page;

	@BeforeEach
	void openThePerspective() throws Exception {
		fixture = new BoardFixture("carveout-perspective-test");
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		page = PlatformUI.getWorkbench().showPerspective(CarveoutPerspective.ID, window);
		page.resetPerspective();
		IDE.openEditor(page, fixture.board);
		Workbench.processEvents(300);
	}

	@AfterEach
	void closeIt() throws Exception {
		page.closeAllEditors(false);
		page.closePerspective(page.getPerspective(), false, false);
		fixture.delete();
	}

	@Test
	void itIsTheCarveoutPerspectiveWithItsViews() {
		assertEquals("Carveout", page.getPerspective().getLabel());
		for (String id : new String[] { MemoryMapView.ID, IPageLayout.ID_OUTLINE, IPageLayout.ID_PROJECT_EXPLORER,
				IPageLayout.ID_PROBLEM_VIEW, CarveoutPerspective.TARGETS_VIEW, CarveoutPerspective.HEAPS_VIEW,
				CarveoutPerspective.TERMINAL_VIEW }) {
			assertNotNull(page.findViewReference(id), id + " is not in the perspective");
		}
		assertTrue(page.isPartVisible(page.findView(MemoryMapView.ID)), "the Memory Map is on screen");
		assertTrue(page.isPartVisible(page.findView(IPageLayout.ID_OUTLINE)), "the Outline is on screen");
	}

	@Test
	void theMapIsRightOfTheEditorAtFullHeightAndTheOtherViewsAreLeftAndBelow() throws Exception {
		Rectangle map = bounds(MemoryMapView.ID);
		Rectangle editor = displayBounds(page.getActiveEditor().getSite().getService(MPart.class));
		Rectangle outline = bounds(IPageLayout.ID_OUTLINE);
		Rectangle problems = bounds(IPageLayout.ID_PROBLEM_VIEW);
		Rectangle explorer = bounds(IPageLayout.ID_PROJECT_EXPLORER);
		String seen = "map " + map + ", editor " + editor + ", outline " + outline + ", problems " + problems;

		assertTrue(map.x >= editor.x + editor.width, "the map is right of the editor: " + seen);
		assertTrue(outline.x + outline.width <= editor.x, "the outline is left of the editor: " + seen);
		assertTrue(problems.y >= editor.y + editor.height, "Problems is below the editor: " + seen);
		assertTrue(problems.x >= editor.x - 10 && problems.x + problems.width <= map.x, "Problems stays in the editor's column: " + seen);
		// Full height: the map's stack spans from the top of the left column to the bottom of Problems.
		assertTrue(map.y <= editor.y + 5 && map.y <= explorer.y + 5, "the map starts at the top: " + seen);
		assertTrue(map.y + map.height >= problems.y + problems.height - 5, "the map reaches the bottom: " + seen);
		assertTrue(map.width >= editor.width * 0.6, "the map has room for its table: " + seen);
		Workbench.screenshot(page.getWorkbenchWindow().getShell(), "perspective.png");
	}

	@Test
	void resetBringsBackAClosedMap() throws Exception {
		page.hideView(page.findView(MemoryMapView.ID));
		assertNull(page.findViewReference(MemoryMapView.ID));
		page.resetPerspective();
		Workbench.processEvents(200);
		assertNotNull(page.findView(MemoryMapView.ID), "Reset restores the Memory Map");
	}

	private Rectangle bounds(String viewId) throws Exception {
		IViewPart view = page.showView(viewId, null, IWorkbenchPage.VIEW_VISIBLE);
		Workbench.processEvents(100);
		return displayBounds(view.getSite().getService(MPart.class));
	}

	/** Where the part's stack (its tabs, toolbar and content) is on the display. */
	private static Rectangle displayBounds(MPart part) {
		// Views show in a perspective through a placeholder; the stack around it is what the layout places.
		MUIElement shown = part.getCurSharedRef() != null ? part.getCurSharedRef() : part;
		Control control = (Control) shown.getParent().getWidget();
		return control.getDisplay().map(control.getParent(), null, control.getBounds());
	}
}
