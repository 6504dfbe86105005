package dev.carveout.target.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.ListDialog;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.carveout.memmap.Finding;
import dev.carveout.target.HostKeyPrompt;
import dev.carveout.target.SshSessions;
import dev.carveout.target.Target;
import dev.carveout.target.ui.heaps.DriftMarkers;
import dev.carveout.target.ui.heaps.HeapsView;
import dev.carveout.target.ui.heaps.ProbeHeapsHandler;
import dev.carveout.target.ui.heaps.ProbeOutcome;
import dev.carveout.target.ui.targets.TargetStore;
import dev.carveout.target.ui.targets.TargetsView;
import dev.carveout.ui.CarveoutUi;

/**
 * "Probe Heaps" as a user runs it: a target selected in the Targets view, the command, the Heaps view. The target
 * is this machine through its real sshd, so the real x86_64 probe is uploaded and run; the drift it
 * finds against a DTS becomes markers that the editor's own checks leave alone and a second probe replaces.
 */
class HeapsViewTest extends SshdTest {

	private static final String BOARD = """
			/dts-v1/;
			/ {
				#address-cells = <2>;
				#size-cells = <2>;
				memory@40000000 { device_type = "memory"; reg = <0x0 0x40000000 0x0 0x20000000>; };
				reserved-memory {
					#address-cells = <2>;
					#size-cells = <2>;
					ranges;
					/* off the 1 MiB grid: the editor's check reports it (R13) */
					fw@50080000 { reg = <0x0 0x50080000 0x0 0x100000>; no-map; };
					linux,cma { compatible = "shared-dma-pool"; reusable; size = <0x0 0x2000000>; linux,cma-default; };
				};
			};
			""";

	private static IProject project;
	private static IFile board;

	private Target target;

	@BeforeAll
	static void makeTheProject() throws Exception {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("heaps-view-test");
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
		board = project.getFile("board.dts");
		board.create(new ByteArrayInputStream(BOARD.getBytes(StandardCharsets.UTF_8)), true, null);
	}

	@AfterAll
	static void deleteTheProject() throws Exception {
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
		if (project != null) {
			project.delete(true, true, null);
		}
	}

	@AfterEach
	void forgetTheTarget() {
		if (target != null) {
			TargetStore.getDefault().remove(target.name());
		}
	}

	@Test
	void probeHeapsOnTheSelectedTargetShowsTheRunAndMarksTheDriftThatBoardChecksKeep() throws Exception {
		target = sshd.target("heaps-host");
		TargetStore.getDefault().put(target);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		HeapsView heaps = (HeapsView) page.showView(HeapsView.ID);
		heaps.setConnections(new SshSessions(sshd.knownHostsTrustingIt(tmp.resolve("known_hosts"))), HostKeyPrompt.REJECT);
		heaps.setChosenSource(board);

		ProbeOutcome first = probeFromTheTargetsView(page, heaps);

		// What the view shows is what this machine is: its kernel, its architecture, its heaps (none, usually).
		String release = Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip();
		assertEquals(release, first.report().kernelRelease());
		assertTrue(heaps.summaryText().startsWith("heaps-host: Linux " + release + " x86_64; "), heaps.summaryText());
		assertTrue(heaps.summaryText().endsWith("difference(s) from /heaps-view-test/board.dts"), heaps.summaryText());
		if (!Files.isDirectory(Path.of("/dev/dma_heap"))) {
			assertTrue(first.comparison().findings().stream().anyMatch(f -> f.message().startsWith(
					"the board has no /dev/dma_heap (ENOENT): ")), first.comparison().findings().toString());
		}
		List<Finding> findings = first.comparison().findings();
		assertNotEquals(List.of(), first.comparison().drift(), "an x86 host is not this arm64 board");
		assertEquals(findings.stream().map(Finding::message).toList(), Arrays.stream(heaps.driftViewer().getTable().getItems())
				.map(i -> i.getText(2)).toList(), "the drift table lists every finding");
		assertEquals(first.report().heaps().stream().mapToInt(h -> h.allocations().size()).sum(),
				heaps.ladderViewer().getTable().getItemCount());
		assertEquals(findings.stream().map(f -> "Board drift: " + f.message()).sorted().toList(), driftMarkerMessages());
		for (IMarker marker : board.findMarkers(DriftMarkers.TYPE, false, IResource.DEPTH_ZERO)) {
			Finding f = findings.stream().filter(x -> marker.getAttribute(IMarker.MESSAGE, "").equals("Board drift: " + x.message()))
					.findFirst().orElseThrow();
			assertEquals(f.at().line(), marker.getAttribute(IMarker.LINE_NUMBER, -1), "line of " + f);
			assertEquals(f.ruleId(), marker.getAttribute(DriftMarkers.RULE_ID, null));
		}

		// The editor checks the board and replaces its own problem markers; the drift stays.
		IDE.openEditor(page, board, CarveoutUi.EDITOR_ID);
		waitUntil(() -> problemMarkers().stream().anyMatch(m -> "R13".equals(m.getAttribute(CarveoutUi.RULE_ID_ATTRIBUTE, null))),
				() -> "the editor's check did not run: " + problemMarkers());
		Job.getJobManager().join(CarveoutUi.PROBLEM_MARKER, null);
		assertEquals(findings.stream().map(f -> "Board drift: " + f.message()).sorted().toList(), driftMarkerMessages());

		// Probing again (now with the board in the active Carveout editor) replaces the markers, never adds to them.
		assertEquals(board, heaps.source().orElseThrow(), "the active Carveout editor's board");
		probeFromTheTargetsView(page, heaps);
		assertEquals(findings.stream().map(f -> "Board drift: " + f.message()).sorted().toList(), driftMarkerMessages());

		// A double click on a difference shows its line in the source.
		Finding last = findings.stream().filter(f -> f.at().isKnown()).max(java.util.Comparator.comparingInt(f -> f.at().line())).orElseThrow();
		assertTrue(last.at().line() > 1, "a finding below the first line: " + last);
		page.activate(heaps);
		heaps.driftViewer().setSelection(new StructuredSelection(last));
		heaps.driftViewer().getTable().notifyListeners(SWT.DefaultSelection, new Event());
		IEditorPart editor = page.getActiveEditor();
		assertEquals(board, editor.getEditorInput().getAdapter(IFile.class));
		assertEquals(page.getActivePart(), editor, "the editor is brought to the front");
		assertEquals(last.at().line(), ((ITextSelection) editor.getSite().getSelectionProvider().getSelection()).getStartLine() + 1);
	}

	@Test
	void withoutASelectedTargetTheCommandAsksForOneOfTheRegisteredTargets() throws Exception {
		target = sshd.target("picked-host");
		TargetStore.getDefault().put(target);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		page.closeAllEditors(false);
		HeapsView heaps = (HeapsView) page.showView(HeapsView.ID);
		heaps.setConnections(new SshSessions(sshd.knownHostsTrustingIt(tmp.resolve("known_hosts"))), HostKeyPrompt.REJECT);
		heaps.setChosenSource(board);
		page.activate(heaps); // its selection is the drift table: no target in it

		List<String> listed = new java.util.ArrayList<>();
		Display display = Display.getCurrent();
		Runnable answer = new Runnable() {
			@Override
			public void run() {
				for (Shell shell : display.getShells()) {
					if ("Probe Heaps".equals(shell.getText()) && shell.getData() instanceof ListDialog dialog) {
						Arrays.stream(dialog.getTableViewer().getTable().getItems()).forEach(i -> listed.add(i.getText()));
						dialog.getTableViewer().setSelection(new StructuredSelection(target));
						button(shell, "OK").notifyListeners(SWT.Selection, new Event());
						return;
					}
				}
				display.timerExec(50, this);
			}
		};
		display.timerExec(50, answer);
		Object result = PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(ProbeHeapsHandler.COMMAND_ID, null);

		assertEquals(TargetStore.getDefault().targets().stream().map(Target::toString).toList(), listed,
				"the dialog lists the registered targets");
		assertTrue(result instanceof Job, "the command starts a job: " + result);
		Job job = (Job) result;
		waitUntil(() -> job.getResult() != null && heaps.shown().map(o -> o.target().equals(target)).orElse(false),
				() -> "probe of the picked target not shown; sshd log:\n" + sshd.log());
		assertTrue(job.getResult().getMessage().startsWith("picked-host: "), job.getResult().getMessage());
	}

	private static Button button(Composite parent, String text) {
		for (Control child : parent.getChildren()) {
			if (child instanceof Button b && text.equals(b.getText())) {
				return b;
			}
			if (child instanceof Composite c) {
				Button found = button(c, text);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	@Test
	void theCommandOffersProbeHeapsOnlyForOneSelectedTarget() {
		Target one = sshd.target("one");
		assertEquals(one, ProbeHeapsHandler.targetIn(new StructuredSelection(one)).orElse(null));
		assertEquals(null, ProbeHeapsHandler.targetIn(new StructuredSelection(List.of(one, sshd.target("two")))).orElse(null));
		assertEquals(null, ProbeHeapsHandler.targetIn(new StructuredSelection("not a target")).orElse(null));
	}

	/** Selects the target in the Targets view and runs the command there, as its context menu does. */
	private ProbeOutcome probeFromTheTargetsView(IWorkbenchPage page, HeapsView heaps) throws Exception {
		TargetsView targets = (TargetsView) page.showView(TargetsView.ID);
		waitUntil(() -> Arrays.stream(targets.viewer().getTable().getItems()).map(TableItem::getData).anyMatch(target::equals),
				() -> "target not listed");
		targets.viewer().setSelection(new StructuredSelection(target));
		page.activate(targets);
		ProbeOutcome before = heaps.shown().orElse(null);
		Object result = PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(ProbeHeapsHandler.COMMAND_ID, null);
		assertTrue(result instanceof Job, "the command starts a job: " + result);
		Job job = (Job) result;
		waitUntil(() -> job.getResult() != null, () -> "probe did not finish; sshd log:\n" + sshd.log());
		assertNotEquals(IStatus.ERROR, job.getResult().getSeverity(), job.getResult().toString());
		assertTrue(job.getResult().getMessage().startsWith("heaps-host: "), job.getResult().getMessage());
		waitUntil(() -> heaps.shown().isPresent() && heaps.shown().get() != before, () -> "the outcome was not shown");
		return heaps.shown().orElseThrow();
	}

	private static List<String> driftMarkerMessages() throws Exception {
		return Arrays.stream(board.findMarkers(DriftMarkers.TYPE, false, IResource.DEPTH_ZERO))
				.map(m -> m.getAttribute(IMarker.MESSAGE, "")).sorted().toList();
	}

	private static List<IMarker> problemMarkers() {
		try {
			return List.of(board.findMarkers(CarveoutUi.PROBLEM_MARKER, false, IResource.DEPTH_ZERO));
		} catch (Exception e) {
			return List.of();
		}
	}

	private static void waitUntil(BooleanSupplier condition, Supplier<String> message) {
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail(message.get());
			}
			spin();
		}
	}

	private static void spin() {
		if (!Display.getCurrent().readAndDispatch()) {
			try {
				Thread.sleep(10);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}
}
