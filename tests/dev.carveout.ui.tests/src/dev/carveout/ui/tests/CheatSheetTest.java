package dev.carveout.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.cheatsheets.OpenCheatSheetAction;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.internal.cheatsheets.views.CheatSheetView;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Help > Cheat Sheets has "Check your first board": registered, opened in the Cheat Sheets view, every command it
 * runs is one the workbench defines, and every help page it links to resolves.
 */
class CheatSheetTest {

	private static final String ID = "dev.carveout.help.firstBoard";
	/** The Cheat Sheets view (its id is declared in an internal interface of org.eclipse.ui.cheatsheets). */
	private static final String CHEAT_SHEET_VIEW = "org.eclipse.ui.cheatsheets.views.CheatSheetView";

	@Test
	void theCheatSheetIsRegisteredAndOpensInTheCheatSheetsView() throws Exception {
		IConfigurationElement sheet = registered();
		assertEquals("Check your first board", sheet.getAttribute("name"));

		new OpenCheatSheetAction(ID).run();
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		Workbench.processEvents(200);
		CheatSheetView view = (CheatSheetView) page.findView(CHEAT_SHEET_VIEW);
		assertNotNull(view, "the Cheat Sheets view opened");
		assertEquals(ID, view.getCheatSheetViewer().getCheatSheetID());
		// the viewer keeps the parsed cheat sheet; content it cannot parse leaves it without one and shows an error
		assertNotNull(view.getCheatSheetViewer().getCheatSheet(), "the cheat sheet's content parsed");
		page.hideView(view);
	}

	@Test
	void everyCommandOfTheCheatSheetIsDefinedAndEveryPageItLinksToResolves() throws Exception {
		IConfigurationElement sheet = registered();
		URL content = Platform.getBundle(sheet.getContributor().getName()).getEntry(sheet.getAttribute("contentFile"));
		assertNotNull(content, sheet.getAttribute("contentFile"));
		Document document;
		try (InputStream in = content.openStream()) {
			document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
		}
		ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
		List<String> undefined = new ArrayList<>();
		NodeList commandElements = document.getElementsByTagName("command");
		for (int i = 0; i < commandElements.getLength(); i++) {
			String serialization = ((Element) commandElements.item(i)).getAttribute("serialization");
			try {
				ParameterizedCommand command = commands.deserialize(serialization);
				if (!command.getCommand().isDefined()) {
					undefined.add(serialization);
				}
			} catch (Exception e) {
				undefined.add(serialization + ": " + e);
			}
		}
		assertEquals(List.of(), undefined, "commands the cheat sheet cannot run");
		assertTrue(commandElements.getLength() >= 4, "perspective, import, open, map, targets");

		NodeList items = document.getElementsByTagName("item");
		assertTrue(items.getLength() >= 5, "import, open, fix, map, zram");
		for (String tag : List.of("intro", "item")) {
			NodeList elements = document.getElementsByTagName(tag);
			for (int i = 0; i < elements.getLength(); i++) {
				HelpContentsTest.content(((Element) elements.item(i)).getAttribute("href"));
			}
		}
	}

	private static IConfigurationElement registered() {
		for (IConfigurationElement e : Platform.getExtensionRegistry()
				.getConfigurationElementsFor("org.eclipse.ui.cheatsheets.cheatSheetContent")) {
			if (e.getName().equals("cheatsheet") && ID.equals(e.getAttribute("id"))) {
				return e;
			}
		}
		throw new AssertionError("no cheat sheet " + ID + " registered");
	}
}
