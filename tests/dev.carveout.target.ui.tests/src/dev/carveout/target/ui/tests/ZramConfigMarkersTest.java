package dev.carveout.target.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

import org.eclipse.core.commands.Command;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.widgets.Display;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.commands.ICommandService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.carveout.target.ui.zram.DeployZramConfigHandler;
import dev.carveout.target.ui.zram.ZramConfigMarkers;

/** zram configuration files in a running workbench: markers follow what is saved. Runs on the UI thread. */
class ZramConfigMarkersTest {

	private IProject project;

	@BeforeEach
	void createProject() throws CoreException {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("zram-markers");
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
	}

	@AfterEach
	void deleteProject() throws CoreException {
		project.delete(true, null);
	}

	private IFile write(String path, String content) throws CoreException {
		IFile file = project.getFile(path);
		ByteArrayInputStream in = new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
		if (file.exists()) {
			file.setContents(in, true, false, null);
		} else {
			if (file.getParent() instanceof org.eclipse.core.resources.IFolder folder && !folder.exists()) {
				folder.create(true, true, null);
			}
			file.create(in, true, null);
		}
		return file;
	}

	private static IMarker[] markers(IFile file) {
		try {
			return file.findMarkers(ZramConfigMarkers.MARKER_TYPE, false, IResource.DEPTH_ZERO);
		} catch (CoreException e) {
			throw new AssertionError(e);
		}
	}

	@Test
	void aBadKeyGetsAnErrorMarkerOnItsLineAndTheFixRemovesIt() throws Exception {
		String text = "[zram0]\nswap-priorty = 5\nzram-size = ram / 4\n";
		IFile file = write("etc/zram-generator.conf", text);
		waitUntil(() -> markers(file).length > 0, "no marker on " + file);
		IMarker[] markers = markers(file);
		assertEquals(1, markers.length);
		IMarker marker = markers[0];
		assertTrue(marker.isSubtypeOf(IMarker.PROBLEM), "a problem marker, listed in the Problems view");
		assertEquals(IMarker.SEVERITY_ERROR, marker.getAttribute(IMarker.SEVERITY, -1));
		assertEquals(2, marker.getAttribute(IMarker.LINE_NUMBER, -1));
		int start = marker.getAttribute(IMarker.CHAR_START, -1);
		assertEquals("swap-priorty", text.substring(start, marker.getAttribute(IMarker.CHAR_END, -1)));
		assertTrue(marker.getAttribute(IMarker.MESSAGE, "").startsWith("unknown key 'swap-priorty'"),
				marker.getAttribute(IMarker.MESSAGE, ""));

		write("etc/zram-generator.conf", text.replace("priorty", "priority"));
		waitUntil(() -> markers(file).length == 0, "the marker stays after the fix");
	}

	@Test
	void variantsAndDropInsAreCheckedOtherConfFilesAreNot() throws Exception {
		IFile variant = write("board-a.zram.conf", "[zram0]\ncompression-algorithm = lz5\n");
		IFile dropIn = write("zram-generator.conf.d/10-swap.conf", "[zram0]\nzram-size = ram /\n");
		IFile other = write("other.conf", "[zram0]\nswap-priorty = 5\n");
		waitUntil(() -> markers(variant).length > 0 && markers(dropIn).length > 0, "variant and drop-in get markers");
		assertTrue(markers(variant)[0].getAttribute(IMarker.MESSAGE, "").startsWith("unknown compression algorithm 'lz5'"));
		assertTrue(markers(dropIn)[0].getAttribute(IMarker.MESSAGE, "").startsWith("bad expression in zram-size"));
		assertEquals(0, markers(other).length, "other.conf is not a zram configuration");
	}

	@Test
	void markersFollowTheEditorBeforeSavingAndTheSavedFileAfterClosing() throws Exception {
		IFile file = write("typing.zram.conf", "[zram0]\nzram-sise = 64\n");
		waitUntil(() -> markers(file).length == 1, "the saved file's marker");
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ITextEditor editor = (ITextEditor) IDE.openEditor(page, file, "org.eclipse.ui.DefaultTextEditor");
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		document.replace(document.get().indexOf("sise"), 4, "size");
		waitUntil(() -> markers(file).length == 0, "the marker stays after the fix typed in the editor");
		document.replace(document.getLength(), 0, "swap-priority = 99999\n");
		waitUntil(() -> markers(file).length == 1, "no marker for the out-of-range priority typed in the editor");
		assertEquals(3, markers(file)[0].getAttribute(IMarker.LINE_NUMBER, -1));
		assertTrue(editor.isDirty(), "all of it before saving");
		page.closeEditor(editor, false);
		waitUntil(() -> markers(file).length == 1 && markers(file)[0].getAttribute(IMarker.LINE_NUMBER, -1) == 2,
				"closed without saving: the saved file's marker is back");
	}

	@Test
	void theDeployCommandIsContributed() {
		ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
		Command command = commands.getCommand(DeployZramConfigHandler.COMMAND_ID);
		assertTrue(command.isDefined());
		assertTrue(command.isHandled(), "its handler is registered");
		assertTrue(PlatformUI.getWorkbench().getPreferenceManager()
				.find("dev.carveout.ui.preferences/dev.carveout.target.ui.zramPreferences") != null,
				"Preferences > Carveout > zram");
	}

	private static void waitUntil(BooleanSupplier condition, String message) {
		Display display = Display.getCurrent();
		long deadline = System.currentTimeMillis() + 20_000;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > deadline) {
				fail(message);
			}
			if (!display.readAndDispatch()) {
				try {
					Thread.sleep(20);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					fail("interrupted");
				}
			}
		}
	}
}
