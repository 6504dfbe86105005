package dev.carveout.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.carveout.memmap.Severity;
import dev.carveout.memmap.rules.Rule;
import dev.carveout.memmap.rules.Rules;
import dev.carveout.ui.prefs.CarveoutPreferencePage;
import dev.carveout.ui.prefs.CarveoutPreferences;
import dev.carveout.ui.prefs.CarveoutPropertyPage;

/** Workspace preferences and project properties change what the editor's check reports. */
class PreferencesTest {

	private BoardFixture fixture;
	private IWorkbenchPage page;

	@BeforeEach
	void setUp() throws Exception {
		fixture = new BoardFixture("carveout-prefs-test");
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	@AfterEach
	void tearDown() throws Exception {
		page.closeAllEditors(false);
		// the other tests check with the defaults
		CarveoutPreferences.workspace().clear();
		CarveoutPreferences.workspace().flush();
		fixture.delete();
	}

	@Test
	void ruleSeverityOffSilencesItsMarkers() throws Exception {
		IDE.openEditor(page, fixture.board);
		Workbench.waitUntil(() -> Workbench.problems(fixture.soc, "R12").size() == 1, () -> Workbench.describe(Workbench.problems(fixture.soc)));
		CarveoutPreferences.workspace().put(CarveoutPreferences.SEVERITY_PREFIX + "R12", "off");
		page.closeAllEditors(false);
		IDE.openEditor(page, fixture.board);
		Workbench.waitUntil(() -> Workbench.problems(fixture.soc, "R12").isEmpty() && !Workbench.problems(fixture.board, "R8").isEmpty(),
				() -> Workbench.describe(Workbench.problems(fixture.soc)));
	}

	@Test
	void projectIncludePathsResolveAngleIncludes() throws Exception {
		fixture.project.getFolder("include").create(true, true, null);
		IFile header = fixture.project.getFile("include/sizes.h");
		header.create(new ByteArrayInputStream("#define SZ_1M 0x100000\n".getBytes(StandardCharsets.UTF_8)), true, null);
		IFile board = fixture.project.getFile("angle.dts");
		board.create(new ByteArrayInputStream("""
				/dts-v1/;
				#include <sizes.h>
				/ { #address-cells = <2>; #size-cells = <2>;
					reserved-memory { #address-cells = <2>; #size-cells = <2>; ranges;
						a@80000000 { reg = <0x0 0x80000000 0x0 SZ_1M>; };
					};
				};
				""".getBytes(StandardCharsets.UTF_8)), true, null);
		IDE.openEditor(page, board);
		Workbench.waitUntil(() -> Workbench.problems(board, "input").size() == 1, () -> Workbench.describe(Workbench.problems(board)));
		assertEquals(2, Workbench.problems(board, "input").get(0).getAttribute(IMarker.LINE_NUMBER, -1), "on the #include line");

		CarveoutPreferences.project(fixture.project).put(CarveoutPreferences.INCLUDE_PATHS, "include");
		CarveoutPreferences.project(fixture.project).flush();
		page.closeAllEditors(false);
		IDE.openEditor(page, board);
		Workbench.waitUntil(() -> Workbench.problems(board).isEmpty(), () -> Workbench.describe(Workbench.problems(board)));
	}

	@Test
	void eachFieldOfBothPagesChangedThroughThePageIsStored() {
		Shell shell = new Shell(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
		Map<String, String> expected = new LinkedHashMap<>();
		try {
			CarveoutPreferencePage workspacePage = new CarveoutPreferencePage();
			workspacePage.init(PlatformUI.getWorkbench());
			open(workspacePage, shell);
			expected.put(CarveoutPreferences.PAGE_SIZE, choose(field(workspacePage, "arm64 page size:"), "16 KiB", "16"));
			expected.put(CarveoutPreferences.KERNEL_VERSION, type(field(workspacePage, "Kernel version (e.g. 6.12):"), "5.15"));
			for (Rule rule : Rules.ALL) {
				String severity = rule.defaultSeverity() == Severity.INFO ? "Off" : "Info";
				expected.put(CarveoutPreferences.SEVERITY_PREFIX + rule.id(), choose(field(workspacePage, rule.id() + " " + rule.name() + ":"),
						severity, severity.toLowerCase(Locale.ROOT)));
			}
			assertTrue(workspacePage.performOk());
			for (Map.Entry<String, String> stored : expected.entrySet()) {
				assertEquals(stored.getValue(), CarveoutPreferences.workspace().get(stored.getKey(), null), "workspace " + stored.getKey());
			}

			CarveoutPropertyPage projectPage = new CarveoutPropertyPage();
			projectPage.setElement(fixture.project);
			open(projectPage, shell);
			expected.clear();
			expected.put(CarveoutPreferences.INCLUDE_PATHS, type(field(projectPage, "Include paths (relative to the project, ';' between):"), "include;dts"));
			expected.put(CarveoutPreferences.KERNEL_TREE, type(field(projectPage, "Kernel tree (kbuild's include paths):"), "/usr/src/linux"));
			expected.put(CarveoutPreferences.PROJECT_PROFILE, check(field(projectPage, "Use a kernel profile of this project's own")));
			expected.put(CarveoutPreferences.PAGE_SIZE, choose(field(projectPage, "arm64 page size:"), "64 KiB", "64"));
			expected.put(CarveoutPreferences.KERNEL_VERSION, type(field(projectPage, "Kernel version (e.g. 6.12):"), "6.6"));
			assertTrue(projectPage.performOk());
			for (Map.Entry<String, String> stored : expected.entrySet()) {
				assertEquals(stored.getValue(), CarveoutPreferences.project(fixture.project).get(stored.getKey(), null), "project " + stored.getKey());
			}
		} finally {
			shell.dispose();
		}
	}

	/** The control right after the label (or the check box) with that text: the field editor's own widget. */
	private static Control field(PreferencePage page, String label) {
		Control found = find((Composite) page.getControl(), label);
		assertNotNull(found, "no field \"" + label + "\" on " + page.getClass().getSimpleName());
		return found;
	}

	private static Control find(Composite parent, String label) {
		Control[] children = parent.getChildren();
		for (int i = 0; i < children.length; i++) {
			if (children[i] instanceof Button button && (button.getStyle() & SWT.CHECK) != 0 && label.equals(button.getText())) {
				return button;
			}
			if (children[i] instanceof Label l && label.equals(l.getText()) && i + 1 < children.length) {
				return children[i + 1];
			}
			if (children[i] instanceof Composite composite) {
				Control found = find(composite, label);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** Selects the entry as a user does (the editor hears the selection event); returns the value it stands for. */
	private static String choose(Control control, String entry, String value) {
		Combo combo = assertInstanceOf(Combo.class, control);
		int index = List.of(combo.getItems()).indexOf(entry);
		assertTrue(index >= 0, entry + " is not among " + List.of(combo.getItems()));
		assertTrue(combo.getSelectionIndex() != index, "the page already shows " + entry + ": choosing it would change nothing");
		combo.select(index);
		combo.notifyListeners(SWT.Selection, new Event());
		return value;
	}

	private static String type(Control control, String text) {
		Text field = assertInstanceOf(Text.class, control);
		assertTrue(!text.equals(field.getText()), "the page already shows " + text);
		field.setText(text);
		return text;
	}

	private static String check(Control control) {
		Button box = assertInstanceOf(Button.class, control);
		box.setSelection(!box.getSelection());
		box.notifyListeners(SWT.Selection, new Event());
		return Boolean.toString(box.getSelection());
	}

	private static void open(PreferencePage page, Shell shell) {
		page.createControl(shell);
		assertTrue(page.getControl() != null && !page.getControl().isDisposed());
	}
}
