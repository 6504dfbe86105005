package dev.carveout.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandImageService;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

import dev.carveout.ui.map.MemoryMapView;
import dev.carveout.ui.outline.OutlineElement;
import dev.carveout.ui.outline.OutlineLabels;

/**
 * Every view, perspective, editor, wizard and command Carveout contributes has an icon that the platform can
 * draw: the test walks the extension registry, so a contribution added without one fails here.
 */
class IconsTest {

	/** The extension points whose elements are drawn with an icon attribute, and the elements that carry one. */
	private static final Map<String, Set<String>> ICON_ELEMENTS = Map.of(
			"org.eclipse.ui.views", Set.of("view"),
			"org.eclipse.ui.perspectives", Set.of("perspective"),
			"org.eclipse.ui.editors", Set.of("editor"),
			"org.eclipse.ui.importWizards", Set.of("wizard"),
			"org.eclipse.ui.newWizards", Set.of("wizard"));

	@Test
	void everyViewPerspectiveEditorAndWizardHasAnIconThatRendersAt16AndAt32Pixels() {
		List<String> checked = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		ICON_ELEMENTS.forEach((point, names) -> {
			for (IConfigurationElement element : Platform.getExtensionRegistry().getConfigurationElementsFor(point)) {
				if (!isCarveout(element) || !names.contains(element.getName())) {
					continue;
				}
				String what = point + " " + element.getAttribute("id");
				String icon = element.getAttribute("icon");
				if (icon == null) {
					missing.add(what);
					continue;
				}
				assertRenders(what, Platform.getBundle(element.getContributor().getName()), icon);
				checked.add(what);
			}
		});
		assertEquals(List.of(), missing, "contributions without an icon");
		assertTrue(checked.size() >= 8, "four views, the perspective, the editor and two wizards: " + checked);
	}

	@Test
	void everyCommandHasAnIcon() {
		ICommandImageService images = PlatformUI.getWorkbench().getService(ICommandImageService.class);
		List<String> commands = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (IConfigurationElement element : Platform.getExtensionRegistry().getConfigurationElementsFor("org.eclipse.ui.commands")) {
			if (isCarveout(element) && element.getName().equals("command")) {
				String id = element.getAttribute("id");
				commands.add(id);
				ImageDescriptor image = images.getImageDescriptor(id);
				if (image == null) {
					missing.add(id);
				} else {
					assertRenders(id, image);
				}
			}
		}
		assertEquals(List.of(), missing, "commands without an icon");
		assertTrue(commands.size() >= 7, commands.toString());
	}

	@Test
	void theMemoryMapViewMenuActionsHaveIconsAndTooltips() throws Exception {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		MemoryMapView view = (MemoryMapView) page.showView(MemoryMapView.ID);
		try {
			assertTrue(view.menuActions().size() >= 6, view.menuActions().toString());
			for (IAction action : view.menuActions()) {
				assertNotNull(action.getImageDescriptor(), action.getText() + " has no icon");
				assertRenders(action.getText(), action.getImageDescriptor());
				assertNotNull(action.getToolTipText(), action.getText() + " has no tooltip");
			}
			List<String> toolbar = new ArrayList<>();
			for (IContributionItem item : view.getViewSite().getActionBars().getToolBarManager().getItems()) {
				IAction action = ((ActionContributionItem) item).getAction();
				assertNotNull(action.getImageDescriptor(), action.getText() + " has no icon");
				assertRenders(action.getText(), action.getImageDescriptor());
				assertNotNull(action.getToolTipText(), action.getText() + " has no tooltip");
				toolbar.add(action.getText());
			}
			assertEquals(List.of("Zoom In", "Zoom Out", "Fit to Window"), toolbar, "exports and the boot log live in the view menu");
		} finally {
			page.hideView(view);
		}
	}

	@Test
	void outlineElementsGetTheIconOfTheirKind() {
		OutlineElement noMap = node("cdsp_mem: cdsp@81800000", prop("reg"), prop("no-map"));
		OutlineElement cma = node("linux,cma", prop("compatible"), prop("reusable"), prop("size"));
		OutlineElement pool = node("ramoops@ae000000", prop("compatible"), prop("reg"));
		OutlineElement reference = node("&reserved_memory", noMap);
		OutlineElement plain = node("chosen", prop("stdout-path"));
		assertEquals(List.of("region-nomap.svg", "region-cma.svg", "region-reserved.svg", "label.svg", "node.svg",
				"property.svg"), List.of(OutlineLabels.iconOf(noMap), OutlineLabels.iconOf(cma), OutlineLabels.iconOf(pool),
						OutlineLabels.iconOf(reference), OutlineLabels.iconOf(plain), OutlineLabels.iconOf(prop("reg"))));
		Bundle ui = Platform.getBundle(dev.carveout.ui.CarveoutUi.PLUGIN_ID);
		for (OutlineElement element : List.of(noMap, cma, pool, reference, plain, prop("reg"))) {
			assertRenders(element.label(), ui, "icons/" + OutlineLabels.iconOf(element));
		}
	}

	private static OutlineElement node(String label, OutlineElement... children) {
		return new OutlineElement(label, OutlineElement.Kind.NODE, 0, 0, List.of(children));
	}

	private static OutlineElement prop(String name) {
		return new OutlineElement(name, OutlineElement.Kind.PROPERTY, 0, 0, List.of());
	}

	private static boolean isCarveout(IConfigurationElement element) {
		return element.getContributor().getName().startsWith("dev.carveout.");
	}

	private static void assertRenders(String what, Bundle bundle, String path) {
		URL url = FileLocator.find(bundle, new org.eclipse.core.runtime.Path(path));
		assertNotNull(url, what + ": " + path + " is not in " + bundle.getSymbolicName());
		assertRenders(what + " (" + path + ")", ImageDescriptor.createFromURL(url));
	}

	/** Draws the icon at 100 % and 200 % zoom, as a HiDPI screen asks for it. */
	private static void assertRenders(String what, ImageDescriptor descriptor) {
		Image image = descriptor.createImage(false);
		assertNotNull(image, what + " does not load");
		try {
			assertEquals(16, image.getBounds().width, what);
			ImageData doubled = image.getImageData(200);
			assertEquals(32, doubled.width, what + " at 200 %");
		} finally {
			image.dispose();
		}
	}
}
