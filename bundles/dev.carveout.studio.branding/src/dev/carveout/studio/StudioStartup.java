package dev.carveout.studio;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;

import dev.carveout.ui.Screenshots;
import dev.carveout.ui.CarveoutUi;

/**
 * What {@code ./carveout studio} asks of the workbench at start, through system properties:
 * {@code carveout.import} imports the projects of that folder and opens the first board.dts in the Carveout
 * editor; {@code carveout.screenshot} saves the window once the board's markers are there, and
 * {@code carveout.exit=true} then closes the workbench (the product smoke test runs it so).
 */
public final class StudioStartup implements IStartup {

	private static final long MARKER_WAIT_MILLIS = 60_000;

	@Override
	public void earlyStartup() {
		String folder = System.getProperty("carveout.import");
		if (folder == null) {
			return;
		}
		try {
			List<IProject> projects = ExampleProjects.importFrom(Path.of(folder), new NullProgressMonitor());
			IFile board = projects.stream().map(p -> p.getFile("board.dts")).filter(IFile::exists).findFirst().orElse(null);
			if (board == null) {
				return;
			}
			Display.getDefault().syncExec(() -> open(board));
			String screenshot = System.getProperty("carveout.screenshot");
			if (screenshot != null) {
				IMarker[] markers = waitForMarkers(board.getProject());
				for (IMarker marker : markers) {
					System.out.println("carveout studio: marker " + marker.getResource().getFullPath() + ":"
							+ marker.getAttribute(IMarker.LINE_NUMBER, 0) + ": " + marker.getAttribute(IMarker.MESSAGE, ""));
				}
				Display.getDefault().syncExec(() -> reveal(markers));
				Thread.sleep(1000); // the editor repaints at the revealed line between the two
				Display.getDefault().syncExec(() -> saveAndMaybeExit(Path.of(screenshot), markers.length));
			}
		} catch (Exception e) {
			ILog.of(getClass()).error("Carveout Studio could not open the example projects in " + folder, e);
		}
	}

	private static void open(IFile board) {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		IWorkbenchPage page = window == null ? null : window.getActivePage();
		if (page == null) {
			return;
		}
		try {
			page.showView("org.eclipse.ui.views.ContentOutline");
			page.showView("org.eclipse.ui.views.ProblemView");
			IDE.openEditor(page, board, true);
		} catch (PartInitException e) {
			ILog.of(StudioStartup.class).error("cannot open " + board, e);
		}
	}

	/** Shows the first problem of the board in its editor, as a user clicking it in the Problems view would. */
	private static void reveal(IMarker[] markers) {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		for (IMarker marker : markers) {
			if (marker.getResource() instanceof IFile file && file.getName().equals("board.dts")) {
				try {
					IDE.openEditor(page, marker, true);
				} catch (PartInitException e) {
					ILog.of(StudioStartup.class).error("cannot show " + marker, e);
				}
				return;
			}
		}
	}

	private static IMarker[] waitForMarkers(IProject project) throws CoreException, InterruptedException {
		long deadline = System.currentTimeMillis() + MARKER_WAIT_MILLIS;
		IMarker[] markers = new IMarker[0];
		while (System.currentTimeMillis() < deadline) {
			markers = project.findMarkers(CarveoutUi.PROBLEM_MARKER, true, IResource.DEPTH_INFINITE);
			if (markers.length > 0) {
				Thread.sleep(1500); // let the editor paint its annotations before the picture is taken
				break;
			}
			Thread.sleep(200);
		}
		return markers;
	}

	private static void saveAndMaybeExit(Path file, int markers) {
		try {
			Screenshots.save(Display.getDefault().getActiveShell() != null ? Display.getDefault().getActiveShell()
					: PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), file);
			System.out.println("carveout studio: board.dts open with " + markers + " marker(s); screenshot " + file);
			IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
			System.out.println("carveout studio: perspective " + (page.getPerspective() == null ? "none" : page.getPerspective().getId()));
		} catch (Exception e) {
			ILog.of(StudioStartup.class).error("cannot save the screenshot " + file, e);
		}
		if (Boolean.getBoolean("carveout.exit")) {
			PlatformUI.getWorkbench().close();
		}
	}
}
