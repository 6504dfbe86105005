package dev.carveout.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.ui.IEditorDescriptor;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import dev.carveout.studio.Studio;
import dev.carveout.ui.CarveoutUi;

/** What dev.carveout.ui declares to the platform, as the platform sees it. */
class PluginContributionsTest {

	@Test
	void dtsDtsiAndDtsoFilesHaveTheDeviceTreeContentType() {
		IContentType dts = Platform.getContentTypeManager().getContentType(CarveoutUi.CONTENT_TYPE_ID);
		assertNotNull(dts);
		assertEquals("org.eclipse.core.runtime.text", dts.getBaseType().getId());
		for (String name : List.of("board.dts", "sm8550.dtsi", "sm8650-hdk-display-card.dtso")) {
			assertEquals(dts, Platform.getContentTypeManager().findContentTypeFor(name), name);
		}
	}

	@Test
	void theCarveoutEditorIsTheDefaultEditorOfDtsAndDtsoFiles() {
		for (String name : List.of("board.dts", "camera.dtso")) {
			IEditorDescriptor editor = PlatformUI.getWorkbench().getEditorRegistry().getDefaultEditor(name);
			assertNotNull(editor, name);
			assertEquals(CarveoutUi.EDITOR_ID, editor.getId(), name);
		}
	}

	@Test
	void theProductIsCarveoutStudioOnTheIdeWorkbench() {
		IExtension extension = Platform.getExtensionRegistry().getExtension("org.eclipse.core.runtime.products",
				Studio.PRODUCT_ID);
		assertNotNull(extension, Studio.PRODUCT_ID);
		IConfigurationElement product = extension.getConfigurationElements()[0];
		assertEquals("Carveout Studio", product.getAttribute("name"));
		assertEquals("org.eclipse.ui.ide.workbench", product.getAttribute("application"));
		assertTrue(Arrays.stream(product.getChildren("property"))
				.anyMatch(p -> "appName".equals(p.getAttribute("name")) && "Carveout Studio".equals(p.getAttribute("value"))));
	}

	/** The sample import belongs to the Studio: a user's own IDE must not start the editor's bundle with the workbench. */
	@Test
	void theStudioNotTheEditorBundleHooksWorkbenchStartUp() {
		List<String> hooks = Arrays.stream(Platform.getExtensionRegistry().getConfigurationElementsFor("org.eclipse.ui.startup"))
				.map(e -> e.getContributor().getName()).toList();
		assertTrue(hooks.contains(Studio.PLUGIN_ID), hooks.toString());
		assertFalse(hooks.contains(CarveoutUi.PLUGIN_ID), hooks.toString());
	}
}
