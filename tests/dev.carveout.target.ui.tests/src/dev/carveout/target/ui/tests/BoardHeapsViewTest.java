package dev.carveout.target.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.carveout.target.SshSessions;
import dev.carveout.target.Target;
import dev.carveout.target.tests.BootedBoard;
import dev.carveout.target.tests.BootedBoard.Board;
import dev.carveout.target.ui.heaps.DriftMarkers;
import dev.carveout.target.ui.heaps.HeapsView;
import dev.carveout.target.ui.heaps.ProbeHeapsHandler;
import dev.carveout.target.ui.heaps.ProbeOutcome;
import dev.carveout.target.ui.targets.TargetStore;
import dev.carveout.target.ui.targets.TargetsView;

/**
 * "Probe Heaps" from the Targets view on the booted arm64 board: the command picks the aarch64 probe by the
 * board's uname -m, uploads and runs it there, and the Heaps view shows the board's kernel, its DMA-BUF heaps
 * and no drift against the DTS the board booted. A board that cannot be booted fails this test.
 */
@ExtendWith(BootedBoard.class)
class BoardHeapsViewTest {

	@TempDir
	Path tmp;

	@Test
	void probeHeapsOnTheBootedBoardRunsTheAarch64ProbeAndFindsNoDriftAgainstItsDts(Board board) throws Exception {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("board-heaps-test");
		project.create(null);
		project.open(null);
		Target target = board.target();
		try {
			IFile source = project.getFile("virt-board.dts");
			source.create(new ByteArrayInputStream(Files.readAllBytes(board.dts())), true, null);
			TargetStore.getDefault().put(target);
			IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
			HeapsView heaps = (HeapsView) page.showView(HeapsView.ID);
			heaps.setConnections(new SshSessions(tmp.resolve("known_hosts")), board.buildHostKeyPrompt());
			heaps.setChosenSource(source);

			TargetsView targets = (TargetsView) page.showView(TargetsView.ID);
			waitUntil(() -> Arrays.stream(targets.viewer().getTable().getItems()).map(TableItem::getData).anyMatch(target::equals),
					() -> "the board is not listed in the Targets view");
			targets.viewer().setSelection(new StructuredSelection(target));
			page.activate(targets);
			// The view is shared with earlier tests: wait for this probe's outcome, not the one it showed before.
			ProbeOutcome before = heaps.shown().orElse(null);
			Object result = PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(ProbeHeapsHandler.COMMAND_ID, null);
			assertTrue(result instanceof Job, "the command starts a job: " + result);
			Job job = (Job) result;
			waitUntil(() -> job.getResult() != null && heaps.shown().filter(shown -> shown != before).isPresent(),
					() -> "the probe did not finish or was not shown: "
					+ job.getResult());
			assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getResult().toString());

			ProbeOutcome outcome = heaps.shown().orElseThrow();
			String release = board.kernelRelease();
			assertEquals("aarch64", outcome.report().machine(), "the probe ran on the arm64 board");
			assertEquals(release, outcome.report().kernelRelease());
			assertTrue(heaps.summaryText().startsWith(target.name() + ": Linux " + release + " aarch64; "), heaps.summaryText());
			assertTrue(outcome.report().heapNames().containsAll(Set.of("linux,cma", "system")), "heaps " + outcome.report().heapNames());
			assertEquals(List.of(), outcome.comparison().drift(), "the board booted this DTS");
			assertEquals(0, source.findMarkers(DriftMarkers.TYPE, false, IResource.DEPTH_ZERO).length);
		} finally {
			TargetStore.getDefault().remove(target.name());
			PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
			project.delete(true, true, null);
		}
	}

	private static void waitUntil(BooleanSupplier condition, Supplier<String> message) {
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail(message.get());
			}
			if (!Display.getCurrent().readAndDispatch()) {
				try {
					Thread.sleep(10);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		}
	}
}
