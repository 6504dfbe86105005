package dev.carveout.target.ui.targets;

import java.time.Duration;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

import com.jcraft.jsch.Session;

import dev.carveout.target.RemoteCommands;
import dev.carveout.target.SshSessions;
import dev.carveout.target.Target;
import dev.carveout.target.ui.DialogHostKeyPrompt;
import dev.carveout.target.ui.TargetTerminalView;
import dev.carveout.ui.help.HelpContexts;

/**
 * "Targets": the boards Carveout can reach. Its selection holds {@link Target}s, so commands contributed to its
 * context menu (deploy, probe) act on the selected board.
 */
public class TargetsView extends ViewPart {

	public static final String ID = "dev.carveout.target.ui.targetsView";
	/** Id of the context menu, for contributions: {@code popup:dev.carveout.target.ui.targetsView}. */
	public static final String MENU_ID = ID;

	private TableViewer viewer;
	private final TargetStore store = TargetStore.getDefault();
	private SecureTargetSecrets secrets;
	private SshSessions sessions;
	private final Runnable refresh = () -> Display.getDefault().asyncExec(this::refresh);

	private final IAction add = action("&Add Target...", ISharedImages.IMG_OBJ_ADD, () -> editing().edit(shell(), null));
	private final IAction edit = action("&Edit...", null, () -> selected().stream().findFirst()
			.ifPresent(t -> editing().edit(shell(), t)));
	private final IAction remove = action("&Remove", ISharedImages.IMG_TOOL_DELETE,
			() -> selected().forEach(t -> editing().remove(t)));
	private final IAction openTerminal = action("Open &Terminal", null,
			() -> selected().stream().findFirst().ifPresent(this::openTerminal));
	private final IAction testConnection = action("Test &Connection", null,
			() -> selected().forEach(this::testConnection));

	@Override
	public void createPartControl(Composite parent) {
		HelpContexts.set(parent, HelpContexts.TARGETS_VIEW);
		secrets = SecureTargetSecrets.getDefault();
		sessions = SecureTargetSecrets.workbenchSessions();
		viewer = TargetTable.create(parent, () -> secrets);
		viewer.addSelectionChangedListener(e -> updateActions());
		viewer.addDoubleClickListener(e -> edit.run());
		getSite().setSelectionProvider(viewer);

		IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
		toolbar.add(add);
		toolbar.add(remove);
		MenuManager menu = new MenuManager();
		menu.setRemoveAllWhenShown(true);
		menu.addMenuListener(this::fillContextMenu);
		viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
		getSite().registerContextMenu(MENU_ID, menu, viewer);

		store.addListener(refresh);
		refresh();
	}

	private void fillContextMenu(IMenuManager menu) {
		menu.add(openTerminal);
		menu.add(testConnection);
		menu.add(new Separator());
		menu.add(add);
		menu.add(edit);
		menu.add(remove);
		menu.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
	}

	/** Where connections from this view get their known_hosts and secrets; tests point them elsewhere. */
	public void setConnections(SshSessions sessions, SecureTargetSecrets secrets) {
		this.sessions = sessions;
		this.secrets = secrets;
		refresh();
	}

	public TableViewer viewer() {
		return viewer;
	}

	/** The terminal view connected to the target, as "Open Terminal" does. */
	public TargetTerminalView openTerminal(Target target) {
		try {
			TargetTerminalView terminal = (TargetTerminalView) getSite().getPage().showView(TargetTerminalView.ID);
			terminal.setSessions(sessions);
			terminal.connect(target);
			return terminal;
		} catch (PartInitException e) {
			throw new IllegalStateException("Cannot open the Target Terminal view: " + e.getMessage(), e);
		}
	}

	/** Logs in and runs {@code uname -a} in the background; the result is the job's status. */
	public Job testConnection(Target target) {
		Display display = viewer.getControl().getDisplay();
		Job job = Job.create("Connecting to " + target, (IProgressMonitor monitor) -> {
			Session session = null;
			try {
				session = sessions.open(target, new DialogHostKeyPrompt(display));
				RemoteCommands.Result uname = RemoteCommands.run(session, "uname -a", Duration.ofSeconds(20));
				return new Status(uname.succeeded() ? IStatus.OK : IStatus.WARNING, "dev.carveout.target.ui",
						target.name() + ": " + (uname.succeeded() ? uname.stdout().strip() : uname.stderr().strip()));
			} catch (Exception e) {
				return Status.error(target.name() + ": " + e.getMessage(), e);
			} finally {
				if (session != null) {
					session.disconnect();
				}
			}
		});
		job.setUser(true);
		job.schedule();
		return job;
	}

	private TargetEditing editing() {
		return new TargetEditing(store, secrets);
	}

	@SuppressWarnings("unchecked")
	private List<Target> selected() {
		return ((IStructuredSelection) viewer.getSelection()).toList();
	}

	private void refresh() {
		if (viewer == null || viewer.getControl().isDisposed()) {
			return;
		}
		viewer.setInput(store.targets());
		updateActions();
	}

	private void updateActions() {
		int n = selected().size();
		edit.setEnabled(n == 1);
		openTerminal.setEnabled(n == 1);
		remove.setEnabled(n > 0);
		testConnection.setEnabled(n > 0);
	}

	private org.eclipse.swt.widgets.Shell shell() {
		return getSite().getShell();
	}

	private static IAction action(String text, String sharedImage, Runnable run) {
		Action action = new Action(text) {
			@Override
			public void run() {
				run.run();
			}
		};
		if (sharedImage != null) {
			action.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(sharedImage));
		}
		return action;
	}

	@Override
	public void setFocus() {
		viewer.getControl().setFocus();
	}

	@Override
	public void dispose() {
		store.removeListener(refresh);
		super.dispose();
	}
}
