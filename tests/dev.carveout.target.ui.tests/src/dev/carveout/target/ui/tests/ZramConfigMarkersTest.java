package dev.carveout.target.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
import dev.carveout.target.ui.zram.WorkspaceConfigSet;
import dev.carveout.target.ui.zram.ZramConfigMarkers;
import dev.carveout.zram.ZramConfig;
import dev.carveout.zram.ZramConfigParser;

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
			create(file.getParent());
			file.create(in, true, null);
		}
		return file;
	}

	private static void create(org.eclipse.core.resources.IContainer container) throws CoreException {
		if (container instanceof org.eclipse.core.resources.IFolder folder && !folder.exists()) {
			create(folder.getParent());
			folder.create(true, true, null);
		}
	}

	private static String message(IFile file) {
		IMarker[] markers = markers(file);
		return markers.length == 0 ? "" : markers[0].getAttribute(IMarker.MESSAGE, "");
	}

	@Test
	void aFolderThatMirrorsTheBoardIsOneSetWithMarkersInEachFileForItsOwnLines() throws Exception {
		IFile main = write("board/etc/systemd/zram-generator.conf", "[zram0]\nzram-size = ram / 4\n");
		IFile vendor = write("board/usr/lib/systemd/zram-generator.conf.d/10-vendor.conf", "[zram0]\nswap-priority = 40000\n");
		IFile shadowed = write("board/usr/lib/systemd/zram-generator.conf", "[zram1]\n");
		IFile admin = write("board/etc/systemd/zram-generator.conf.d/20-admin.conf", "[zram1]\n\nwriteback-device = /dev/../vdb\n");
		waitUntil(() -> markers(vendor).length > 0 && markers(admin).length > 0 && markers(shadowed).length > 0,
				"each file of the set gets its own markers");
		assertEquals("Swap priority 40000 out of range (-1 to 32767)", message(vendor));
		assertEquals(2, markers(vendor)[0].getAttribute(IMarker.LINE_NUMBER, -1));
		assertEquals("writeback-device \"/dev/../vdb\" is not normalized", message(admin));
		assertEquals(3, markers(admin)[0].getAttribute(IMarker.LINE_NUMBER, -1));
		assertTrue(message(shadowed).startsWith("zram-generator does not read /usr/lib/systemd/zram-generator.conf"),
				message(shadowed));
		assertEquals(0, markers(main).length);

		write("board/usr/lib/systemd/zram-generator.conf.d/10-vendor.conf", "[zram0]\nswap-priority = 40\n");
		write("board/etc/systemd/zram-generator.conf.d/20-admin.conf", "[zram1]\nzram-size = 16\n");
		waitUntil(() -> markers(vendor).length == 0 && markers(admin).length == 0, "the fixes remove the markers");
		WorkspaceConfigSet set = WorkspaceConfigSet.of(admin);
		assertEquals(project.getFolder("board"), set.folder());
		assertEquals(set, WorkspaceConfigSet.of(main), "Deploy on any file of the set deploys the same set");
		assertEquals("the configuration set in /zram-markers/board (/etc/systemd/zram-generator.conf, "
				+ "/etc/systemd/zram-generator.conf.d/20-admin.conf, /usr/lib/systemd/zram-generator.conf, "
				+ "/usr/lib/systemd/zram-generator.conf.d/10-vendor.conf)",
				set.describe(), "what the job and its console say");
		ZramConfig merged = new ZramConfigParser().parse(set.contents(null, null));
		assertEquals(List.of("zram0 size ram / 4 priority 40", "zram1 size 16 priority 100"), merged.devices().stream()
				.map(d -> d.name() + " size " + d.size() + " priority " + d.swapPriority()).toList(),
				"merged as zram-generator merges it: the shadowed main file's zram1 is gone, the drop-ins' keys win");
	}

	private static IMarker[] markers(IFile file) {
		try {
			return file.findMarkers(ZramConfigMarkers.MARKER_TYPE, false, IResource.DEPTH_ZERO);
		} catch (CoreException e) {
			throw new AssertionError(e);
		}
	}

	@Test
	void aBadValueGetsAnErrorMarkerOnItsLineAndTheFixRemovesIt() throws Exception {
		String text = "[zram0]\nswap-priority = 5x\nzram-size = ram / 4\n";
		IFile file = write("etc/zram-generator.conf", text);
		waitUntil(() -> markers(file).length > 0, "no marker on " + file);
		IMarker[] markers = markers(file);
		assertEquals(1, markers.length);
		IMarker marker = markers[0];
		assertTrue(marker.isSubtypeOf(IMarker.PROBLEM), "a problem marker, listed in the Problems view");
		assertEquals(IMarker.SEVERITY_ERROR, marker.getAttribute(IMarker.SEVERITY, -1));
		assertEquals(2, marker.getAttribute(IMarker.LINE_NUMBER, -1));
		int start = marker.getAttribute(IMarker.CHAR_START, -1);
		assertEquals("5x", text.substring(start, marker.getAttribute(IMarker.CHAR_END, -1)));
		assertEquals("Failed to parse priority \"5x\"", marker.getAttribute(IMarker.MESSAGE, ""),
				"zram-generator's own reason");

		write("etc/zram-generator.conf", text.replace("5x", "5"));
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
