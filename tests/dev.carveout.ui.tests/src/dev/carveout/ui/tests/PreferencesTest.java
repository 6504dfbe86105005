package dev.carveout.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
		CarveoutPreferences.workspace().remove(CarveoutPreferences.SEVERITY_PREFIX + "R12");
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
	void bothPagesOpenAndStoreTheirFields() {
		Shell shell = new Shell(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
		try {
			CarveoutPreferencePage workspacePage = new CarveoutPreferencePage();
			workspacePage.init(PlatformUI.getWorkbench());
			open(workspacePage, shell);
			CarveoutPropertyPage projectPage = new CarveoutPropertyPage();
			projectPage.setElement(fixture.project);
			open(projectPage, shell);
			assertTrue(workspacePage.performOk() && projectPage.performOk());
		} finally {
			shell.dispose();
		}
		List<String> keys = List.of(CarveoutPreferences.PAGE_SIZE, CarveoutPreferences.KERNEL_VERSION);
		for (String key : keys) {
			assertTrue(CarveoutPreferences.workspace().get(key, null) == null || !CarveoutPreferences.workspace().get(key, "").isEmpty());
		}
	}

	private static void open(PreferencePage page, Shell shell) {
		page.createControl(shell);
		assertTrue(page.getControl() != null && !page.getControl().isDisposed());
	}
}
