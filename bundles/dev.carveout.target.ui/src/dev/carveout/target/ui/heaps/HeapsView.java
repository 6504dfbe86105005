package dev.carveout.target.ui.heaps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

import org.eclipse.core.commands.common.CommandException;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Path;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.dialogs.ResourceListSelectionDialog;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.ViewPart;
import org.osgi.service.prefs.BackingStoreException;

import dev.carveout.memmap.Finding;
import dev.carveout.target.HostKeyPrompt;
import dev.carveout.target.SshSessions;
import dev.carveout.target.Target;
import dev.carveout.target.heaps.HeapComparison;
import dev.carveout.target.heaps.HeapReport;
import dev.carveout.target.ui.DialogHostKeyPrompt;
import dev.carveout.target.ui.targets.SecureTargetSecrets;
import dev.carveout.ui.CarveoutUi;
import dev.carveout.ui.help.HelpContexts;

/**
 * "Heaps": what a board's DMA-BUF heaps gave (each heap's size ladder with the time of every step), its CMA
 * totals, and where it differs from the DTS (also markers on the source). The DTS is the board open in the active
 * Carveout editor, else the one chosen here (remembered across sessions).
 */
public class HeapsView extends ViewPart {

	public static final String ID = "dev.carveout.target.ui.heapsView";
	static final String SOURCE_PREFERENCE = "heaps.source";
	private static final String PLUGIN = "dev.carveout.target.ui";

	private Label sourceLabel;
	private Label summary;
	private TableViewer ladder;
	private TableViewer drift;
	private IFile chosenSource;
	private SshSessions sessions;
	private HostKeyPrompt prompt;
	private ProbeOutcome shown;
	// The label says which DTS a probe would use, so it follows the active editor.
	private final IPartListener2 editorFollower = new IPartListener2() {
		@Override
		public void partActivated(IWorkbenchPartReference ref) {
			if (!sourceLabel.isDisposed()) {
				updateSourceLabel();
			}
		}
	};

	/** One rung of one heap's ladder. */
	record Rung(String heap, HeapReport.Allocation allocation) {
	}

	@Override
	public void createPartControl(Composite parent) {
		HelpContexts.set(parent, HelpContexts.HEAPS_VIEW);
		sessions = SecureTargetSecrets.workbenchSessions();
		prompt = new DialogHostKeyPrompt(parent.getDisplay());
		parent.setLayout(new GridLayout(1, false));
		sourceLabel = new Label(parent, SWT.NONE);
		sourceLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		summary = new Label(parent, SWT.WRAP);
		summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		SashForm sash = new SashForm(parent, SWT.VERTICAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		ladder = table(sash);
		column(ladder, "Heap", 140, Rung.class, Rung::heap);
		column(ladder, "Size", 80, Rung.class, r -> size(r.allocation().size()));
		column(ladder, "Result", 170, Rung.class, r -> result(r.allocation()));
		column(ladder, "Allocate", 80, Rung.class, r -> ms(r.allocation().allocNs()));
		column(ladder, "Map", 70, Rung.class, r -> ms(r.allocation().mmapNs()));
		column(ladder, "Write", 80, Rung.class, r -> ms(r.allocation().writeNs()));
		column(ladder, "Read back", 80, Rung.class, r -> ms(r.allocation().verifyNs()));
		column(ladder, "Free", 70, Rung.class, r -> ms(r.allocation().freeNs()));
		drift = table(sash);
		column(drift, "Rule", 60, Finding.class, Finding::ruleId);
		column(drift, "Node", 200, Finding.class, Finding::nodePath);
		column(drift, "Board against source", 520, Finding.class, Finding::message);
		column(drift, "Source", 200, Finding.class, f -> f.at() == null || !f.at().isKnown() ? ""
				: f.at().file().getFileName() + ":" + f.at().line());
		getSite().setSelectionProvider(drift);
		drift.addDoubleClickListener(e -> {
			if (e.getSelection() instanceof IStructuredSelection selection && selection.getFirstElement() instanceof Finding finding) {
				reveal(finding);
			}
		});

		var toolbar = getViewSite().getActionBars().getToolBarManager();
		// The command, not a shortcut to it: with this view active there is no target selected, so it asks.
		toolbar.add(action("Probe Heaps...", () -> {
			try {
				getSite().getService(IHandlerService.class).executeCommand(ProbeHeapsHandler.COMMAND_ID, null);
			} catch (CommandException e) {
				MessageDialog.openError(getSite().getShell(), "Probe Heaps", e.getMessage());
			}
		}));
		toolbar.add(action("Compare With...", this::chooseSource));
		chosenSource = remembered();
		updateSourceLabel();
		getSite().getPage().addPartListener(editorFollower);
		summary.setText("Probe a target: Targets view, right-click a board, Probe Heaps.");
	}

	/** The DTS a probe compares with: the board in the active Carveout editor, else the chosen one. */
	public Optional<IFile> source() {
		IWorkbenchPage page = getSite().getPage();
		IEditorPart editor = page == null ? null : page.getActiveEditor();
		if (editor != null && CarveoutUi.EDITOR_ID.equals(editor.getSite().getId())) {
			IFile file = editor.getEditorInput().getAdapter(IFile.class);
			if (file != null) {
				return Optional.of(file);
			}
		}
		return Optional.ofNullable(chosenSource).filter(IResource::exists);
	}

	/** Compares with this DTS when no Carveout editor is active, now and in later sessions. */
	public void setChosenSource(IFile file) {
		chosenSource = file;
		IEclipsePreferences prefs = InstanceScope.INSTANCE.getNode(PLUGIN);
		prefs.put(SOURCE_PREFERENCE, file.getFullPath().toString());
		try {
			prefs.flush();
		} catch (BackingStoreException e) {
			// Only the memory of the choice is lost: the probe still uses it now.
		}
		updateSourceLabel();
	}

	/** Where probes from this view connect with; tests point them at their own known_hosts. */
	public void setConnections(SshSessions sessions, HostKeyPrompt prompt) {
		this.sessions = sessions;
		this.prompt = prompt;
	}

	/**
	 * Starts probing the target (as the Probe Heaps command does); the view shows the outcome when it is done.
	 *
	 * @return the job, or null when there is no DTS to compare with (the user is told)
	 */
	public Job probe(Target target) {
		Optional<IFile> source = source();
		if (source.isEmpty()) {
			MessageDialog.openInformation(getSite().getShell(), "Probe Heaps",
					"Open the board's DTS in the Carveout editor, or choose it with Compare With..., first.");
			return null;
		}
		summary.setText("Probing " + target + " against " + source.get().getFullPath() + "...");
		Display display = summary.getDisplay();
		HeapProbeJob job = new HeapProbeJob(target, source.get(), sessions, prompt,
				outcome -> display.asyncExec(() -> show(outcome)));
		job.schedule();
		return job;
	}

	void show(ProbeOutcome outcome) {
		if (ladder.getControl().isDisposed()) {
			return;
		}
		shown = outcome;
		List<Rung> rungs = new ArrayList<>();
		for (HeapReport.Heap heap : outcome.report().heaps()) {
			heap.allocations().forEach(a -> rungs.add(new Rung(heap.name(), a)));
		}
		ladder.setInput(rungs);
		drift.setInput(outcome.comparison().findings());
		summary.setText(summaryOf(outcome));
		summary.getParent().layout(true, true);
	}

	/** The last outcome shown, if any. */
	public Optional<ProbeOutcome> shown() {
		return Optional.ofNullable(shown);
	}

	public TableViewer ladderViewer() {
		return ladder;
	}

	public TableViewer driftViewer() {
		return drift;
	}

	public String summaryText() {
		return summary.getText();
	}

	static String summaryOf(ProbeOutcome outcome) {
		HeapReport r = outcome.report();
		HeapComparison c = outcome.comparison();
		String heaps = "heaps " + String.join(", ", new TreeSet<>(r.heapNames())) + " (source: "
				+ String.join(", ", new TreeSet<>(c.expectedHeaps().required())) + ")";
		String cma = "CmaTotal " + (r.cmaTotalKib() == null ? "not reported" : r.cmaTotalKib() + " kB") + " (source: "
				+ c.cma().totalBytes().map(b -> b / 1024 + " kB").orElse("unknown") + ")";
		int differences = c.drift().size();
		return outcome.target().name() + ": Linux " + r.kernelRelease() + " " + r.machine() + "; " + heaps + "; " + cma + "; "
				+ (differences == 0 ? "no drift from " : differences + " difference(s) from ") + outcome.source().getFullPath();
	}

	/** Opens the source at the finding, through its drift marker (which follows edits of the file). */
	private void reveal(Finding finding) {
		if (shown == null) {
			return;
		}
		try {
			for (IMarker marker : ResourcesPlugin.getWorkspace().getRoot().findMarkers(DriftMarkers.TYPE, false, IResource.DEPTH_INFINITE)) {
				if (marker.getAttribute(IMarker.MESSAGE, "").equals(DriftMarkers.message(finding))
						&& shown.source().getFullPath().toString().equals(marker.getAttribute(DriftMarkers.BOARD, null))) {
					IDE.openEditor(getSite().getPage(), marker);
					return;
				}
			}
		} catch (CoreException e) {
			MessageDialog.openError(getSite().getShell(), "Heaps", "Cannot open " + finding.at() + ": " + e.getMessage());
		}
	}

	private void chooseSource() {
		ResourceListSelectionDialog dialog = new ResourceListSelectionDialog(getSite().getShell(),
				ResourcesPlugin.getWorkspace().getRoot(), IResource.FILE);
		dialog.setTitle("Compare With");
		dialog.setMessage("The board DTS the probed target should be running (*.dts):");
		if (dialog.open() == Window.OK && dialog.getResult() != null && dialog.getResult().length > 0
				&& dialog.getResult()[0] instanceof IFile file) {
			setChosenSource(file);
		}
	}

	private IFile remembered() {
		String path = InstanceScope.INSTANCE.getNode(PLUGIN).get(SOURCE_PREFERENCE, null);
		return path == null ? null : ResourcesPlugin.getWorkspace().getRoot().getFile(new Path(path));
	}

	private void updateSourceLabel() {
		sourceLabel.setText("Compare with: " + source().map(f -> f.getFullPath().toString())
				.orElse("the board in the active Carveout editor (none chosen)"));
	}

	private static String result(HeapReport.Allocation a) {
		if (a.ok()) {
			return "ok";
		}
		return (a.errno() != null ? a.errno() : "failed") + " at " + a.failedStep();
	}

	private static String size(long bytes) {
		return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
	}

	private static String ms(Long ns) {
		return ns == null ? "" : String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
	}

	private static TableViewer table(Composite parent) {
		TableViewer viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		return viewer;
	}

	private static <T> void column(TableViewer viewer, String title, int width, Class<T> type, Function<T, String> text) {
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return type.isInstance(element) ? text.apply(type.cast(element)) : "";
			}
		});
	}

	private static Action action(String text, Runnable run) {
		return new Action(text) {
			@Override
			public void run() {
				run.run();
			}
		};
	}

	@Override
	public void setFocus() {
		ladder.getControl().setFocus();
	}

	@Override
	public void dispose() {
		getSite().getPage().removePartListener(editorFollower);
		super.dispose();
	}
}
