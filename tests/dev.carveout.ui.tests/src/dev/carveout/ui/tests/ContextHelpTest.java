package dev.carveout.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.help.HelpSystem;
import org.eclipse.help.IContext;
import org.eclipse.help.IHelpResource;
import org.eclipse.jface.preference.IPreferencePage;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchWizard;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.wizards.IWizardDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * F1 works everywhere Carveout has a part: the test walks the extension registry for every Carveout view, editor,
 * preference page, property page and wizard, opens it, and requires a help context on its controls that the help
 * system knows, with topics that resolve. A part added without F1 help fails here.
 */
class ContextHelpTest {

	/** Where the workbench keeps a control's context id (WorkbenchHelpSystem.HELP_KEY). */
	private static final String HELP_KEY = "org.eclipse.ui.help";

	private BoardFixture fixture;
	private IWorkbenchPage page;
	private Shell shell;

	@BeforeEach
	void open() throws Exception {
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		shell = page.getWorkbenchWindow().getShell();
		fixture = new BoardFixture("carveout-context-help-test");
	}

	@AfterEach
	void close() throws Exception {
		page.closeAllEditors(false);
		fixture.delete();
	}

	@Test
	void everyCarveoutViewEditorPreferencePagePropertyPageAndWizardHasF1HelpThatResolves() throws Exception {
		Map<String, String> contextOf = new LinkedHashMap<>();
		for (IConfigurationElement e : carveout("org.eclipse.ui.views", "view")) {
			contextOf.put("view " + e.getAttribute("id"), helpIn(partControl(page.showView(e.getAttribute("id")))));
		}
		for (IConfigurationElement e : carveout("org.eclipse.ui.editors", "editor")) {
			IWorkbenchPart editor = IDE.openEditor(page, fixture.board, e.getAttribute("id"));
			contextOf.put("editor " + e.getAttribute("id"), helpIn(partControl(editor)));
		}
		for (IConfigurationElement e : carveout("org.eclipse.ui.preferencePages", "page")) {
			String id = e.getAttribute("id");
			contextOf.put("preference page " + id,
					helpIn(PreferencesUtil.createPreferenceDialogOn(shell, id, new String[] { id }, null)));
		}
		for (IConfigurationElement e : carveout("org.eclipse.ui.propertyPages", "page")) {
			String id = e.getAttribute("id");
			contextOf.put("property page " + id,
					helpIn(PreferencesUtil.createPropertyDialogOn(shell, fixture.project, id, new String[] { id }, null)));
		}
		for (IConfigurationElement e : carveout("org.eclipse.ui.importWizards", "wizard")) {
			contextOf.put("import wizard " + e.getAttribute("id"),
					helpIn(PlatformUI.getWorkbench().getImportWizardRegistry().findWizard(e.getAttribute("id"))));
		}
		for (IConfigurationElement e : carveout("org.eclipse.ui.newWizards", "wizard")) {
			contextOf.put("new wizard " + e.getAttribute("id"),
					helpIn(PlatformUI.getWorkbench().getNewWizardRegistry().findWizard(e.getAttribute("id"))));
		}

		List<String> without = new ArrayList<>();
		contextOf.forEach((part, context) -> {
			if (context == null) {
				without.add(part);
			}
		});
		assertEquals(List.of(), without, "parts without F1 help, of " + contextOf);
		assertTrue(contextOf.size() >= 11, "four views, the editor, three preference pages, a property page, two wizards: " + contextOf);
		contextOf.forEach((part, id) -> {
			IContext context = HelpSystem.getContext(id);
			assertNotNull(context, part + ": the help system has no context " + id);
			IHelpResource[] topics = context.getRelatedTopics();
			assertTrue(topics.length > 0, part + ": context " + id + " has no topics");
			for (IHelpResource topic : topics) {
				HelpContentsTest.content(topic.getHref());
			}
		});
	}

	private static List<IConfigurationElement> carveout(String point, String element) {
		List<IConfigurationElement> found = new ArrayList<>();
		for (IConfigurationElement e : Platform.getExtensionRegistry().getConfigurationElementsFor(point)) {
			if (e.getContributor().getName().startsWith("dev.carveout.") && e.getName().equals(element)) {
				found.add(e);
			}
		}
		return found;
	}

	private static Control partControl(IWorkbenchPart part) {
		Workbench.processEvents(50);
		return (Control) part.getSite().getService(MPart.class).getWidget();
	}

	private static String helpIn(PreferenceDialog dialog) {
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			return helpIn(((IPreferencePage) dialog.getSelectedPage()).getControl());
		} finally {
			dialog.close();
		}
	}

	private String helpIn(IWizardDescriptor descriptor) throws Exception {
		IWorkbenchWizard wizard = descriptor.createWizard();
		wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
		WizardDialog dialog = new WizardDialog(shell, wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			return helpIn(dialog.getCurrentPage().getControl());
		} finally {
			dialog.close();
		}
	}

	/** The first context id on the control or below it, breadth first: what F1 finds from the part's own controls. */
	private static String helpIn(Control top) {
		Deque<Control> queue = new ArrayDeque<>(List.of(top));
		while (!queue.isEmpty()) {
			Control control = queue.removeFirst();
			if (control.getData(HELP_KEY) instanceof String id) {
				return id;
			}
			if (control instanceof Composite composite) {
				queue.addAll(List.of(composite.getChildren()));
			}
		}
		return null;
	}
}
