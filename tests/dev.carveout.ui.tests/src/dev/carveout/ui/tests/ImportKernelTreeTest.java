package dev.carveout.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.jface.wizard.IWizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.wizards.IWizardDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.carveout.dts.check.CheckSettings;
import dev.carveout.ui.map.MemoryMapView;
import dev.carveout.ui.perspective.CarveoutPerspective;
import dev.carveout.ui.prefs.CarveoutPreferences;
import dev.carveout.ui.wizards.ImportKernelTreeWizard;

/**
 * File > Import > Carveout > DeviceTree Sources from a Kernel Tree, on the Linux 6.12 tree of the corpus
 * (tests/corpus/prepare-corpus.sh: arch/arm64 and arm DeviceTree sources, dt-bindings and the Makefile).
 */
class ImportKernelTreeTest {

	private static final String BOARD = "arch/arm64/boot/dts/qcom/qcm6490-idp.dts";

	private IProject project;

	@AfterEach
	void deleteProject() throws Exception {
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
		if (project != null) {
			Workbench.waitForChecks();
			project.delete(false, true, null); // the links only: the tree stays where it is
		}
	}

	@Test
	void theWizardIsInFileImportUnderCarveout() {
		IWizardDescriptor wizard = PlatformUI.getWorkbench().getImportWizardRegistry().findWizard(ImportKernelTreeWizard.ID);
		assertNotNull(wizard);
		assertEquals("DeviceTree Sources from a Kernel Tree", wizard.getLabel());
		assertEquals("Carveout", wizard.getCategory().getLabel());
		assertNotNull(PlatformUI.getWorkbench().getNewWizardRegistry().findWizard("dev.carveout.ui.newProject"),
				"File > New > Carveout Project");
	}

	@Test
	void theLinux612TreeIsLinkedInSecondsAndItsFirstBoardGetsChecked() throws Exception {
		Path tree = corpusTree();
		ImportKernelTreeWizard wizard = new ImportKernelTreeWizard();
		wizard.init(PlatformUI.getWorkbench(), null);
		TestDialog dialog = new TestDialog(wizard);
		dialog.open();
		wizard.setFolder(tree.toString());
		wizard.setNature(false);
		Workbench.processEvents(300);
		assertTrue(wizard.canFinish(), "the page accepts the tree: " + dialog.getErrorMessageText());
		Workbench.screenshot(dialog.getShell(), "import-wizard.png");

		long start = System.nanoTime();
		dialog.finish();
		long millis = (System.nanoTime() - start) / 1_000_000;
		project = wizard.project();
		assertNotNull(project, "the wizard made no project");
		AtomicInteger files = new AtomicInteger();
		project.accept(r -> {
			if (r.getType() == IResource.FILE) {
				files.incrementAndGet();
			}
			return true;
		});
		System.out.printf("import: Linux tree %s linked in %d ms, %d files in the project (load %s)%n", tree, millis,
				files.get(), Files.readString(Path.of("/proc/loadavg")).trim());
		// Loosely: a refresh of the whole tree took minutes; linking the DeviceTree folders takes seconds.
		assertTrue(millis < 60_000, "the import took " + millis + " ms");

		assertEquals("linux-6.12", project.getName().substring(0, "linux-6.12".length()));
		assertTrue(project.getFile(BOARD).exists(), BOARD);
		assertTrue(project.getFolder("include/dt-bindings/interrupt-controller").exists());
		assertTrue(project.getFile(BOARD).isLinked(IResource.CHECK_ANCESTORS), "linked, not copied");
		assertFalse(project.getFile("arch/arm64/boot/dts/qcom/Makefile").exists(), "only DeviceTree sources are kept");
		assertFalse(project.getFolder("drivers").exists());
		assertFalse(project.getFolder("scripts").exists(), "include-prefixes is an include path, not linked: its "
				+ "links to every arch's dts folder would bring each file in twice");
		assertTrue(files.get() < 20_000, files.get() + " files");
		assertFalse(project.hasNature(dev.carveout.ui.CarveoutUi.NATURE_ID), "the nature was left off");

		CheckSettings settings = CarveoutPreferences.settingsFor(project);
		assertTrue(settings.includeDirs().contains(tree.resolve("scripts/dtc/include-prefixes")), settings.toString());
		assertTrue(settings.includeDirs().contains(tree.resolve("arch/arm64/boot/dts")), settings.toString());
		assertEquals("6.12", settings.profile().version().toString());

		IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(CarveoutPerspective.ID,
				PlatformUI.getWorkbench().getActiveWorkbenchWindow());
		IFile board = project.getFile(BOARD);
		IDE.openEditor(page, board);
		MemoryMapView view = (MemoryMapView) page.showView(MemoryMapView.ID);
		Workbench.waitUntil(() -> !view.entries().isEmpty(), () -> "no regions yet; markers "
				+ Workbench.describe(Workbench.problems(board)));
		Workbench.waitForChecks();
		List<IMarker> markers = List.of(project.findMarkers(dev.carveout.ui.CarveoutUi.PROBLEM_MARKER, true,
				IResource.DEPTH_INFINITE));
		assertTrue(markers.stream().noneMatch(m -> m.getAttribute(IMarker.MESSAGE, "").contains("No such file")),
				"every include resolves through the tree: " + Workbench.describe(markers));
		assertTrue(view.entries().size() > 5, view.entries().toString());
		Shell shell = page.getWorkbenchWindow().getShell();
		shell.setBounds(shell.getDisplay().getPrimaryMonitor().getBounds());
		Workbench.processEvents(1500);
		Workbench.screenshot(shell, "perspective-qcm6490-idp.png");
	}

	@Test
	void aFolderThatIsNoKernelTreeBecomesAPlainProjectWithAMessage(@TempDir Path dir) throws Exception {
		Path bsp = Files.createDirectories(dir.resolve("my-bsp"));
		Files.writeString(bsp.resolve("board.dts"), BoardFixture.BOARD_DTS);
		Files.writeString(bsp.resolve("soc.dtsi"), BoardFixture.SOC_DTSI);
		Files.writeString(bsp.resolve("README"), "not a DeviceTree source");
		ImportKernelTreeWizard wizard = new ImportKernelTreeWizard();
		wizard.init(PlatformUI.getWorkbench(), null);
		TestDialog dialog = new TestDialog(wizard);
		dialog.open();
		wizard.setFolder(bsp.toString());
		Workbench.processEvents(100);
		assertTrue(wizard.canFinish());
		String message = dialog.getMessageText();
		assertTrue(message.contains("Not a kernel tree") && message.contains("no top-level Makefile"), message);
		dialog.finish();
		project = wizard.project();
		assertEquals("my-bsp", project.getName());
		assertTrue(project.getFile("my-bsp/board.dts").exists());
		assertFalse(project.getFile("my-bsp/README").exists(), "only DeviceTree sources are kept");
		assertEquals(List.of(), CarveoutPreferences.settingsFor(project).includeDirs());
	}

	private static Path corpusTree() {
		String corpus = System.getProperty("carveout.corpus");
		assertNotNull(corpus, "-Dcarveout.corpus is not set");
		Path tree = Path.of(corpus, "linux");
		assertTrue(Files.isRegularFile(tree.resolve("Makefile")) && Files.isDirectory(tree.resolve("arch/arm64/boot/dts")),
				tree + " holds no kernel tree with its Makefile: run tests/corpus/prepare-corpus.sh " + corpus);
		return tree;
	}

	/** A wizard dialog the test drives: open without blocking, finish as the button does. */
	private static final class TestDialog extends WizardDialog {
		TestDialog(IWizard wizard) {
			super(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard);
			setBlockOnOpen(false);
		}

		void finish() {
			finishPressed();
		}

		String getErrorMessageText() {
			return String.valueOf(getWizard().getContainer().getCurrentPage().getErrorMessage());
		}

		String getMessageText() {
			return String.valueOf(getWizard().getContainer().getCurrentPage().getMessage());
		}
	}
}
