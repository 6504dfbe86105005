package dev.carveout.target.ui;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.tm.internal.terminal.control.ITerminalListener;
import org.eclipse.tm.internal.terminal.control.ITerminalViewControl;
import org.eclipse.tm.internal.terminal.control.TerminalViewControlFactory;
import org.eclipse.tm.internal.terminal.provisional.api.ITerminalConnector;
import org.eclipse.tm.internal.terminal.provisional.api.TerminalConnectorExtension;
import org.eclipse.tm.internal.terminal.provisional.api.TerminalState;
import org.eclipse.ui.part.ViewPart;

import dev.carveout.target.HostKeyPrompt;
import dev.carveout.target.SshSessions;
import dev.carveout.target.Target;
import dev.carveout.target.ui.targets.SecureTargetSecrets;
import dev.carveout.ui.help.HelpContexts;

/** "Target Terminal": an interactive shell on a board, in the TM terminal widget. */
public class TargetTerminalView extends ViewPart {

	public static final String ID = "dev.carveout.target.ui.terminalView";

	private ITerminalViewControl terminal;
	private ITerminalConnector connector;
	private SshSessions sessions = SecureTargetSecrets.workbenchSessions();

	@Override
	public void createPartControl(Composite parent) {
		HelpContexts.set(parent, HelpContexts.TERMINAL_VIEW);
		connector = TerminalConnectorExtension.makeTerminalConnector(SshTerminalConnector.ID);
		// The view's parent uses a FillLayout, so the terminal fills the view.
		terminal = TerminalViewControlFactory.makeControl(new ITerminalListener() {
			@Override
			public void setState(TerminalState state) {
				// The title shows the connection state so it is visible when the view is minimised.
				parent.getDisplay().asyncExec(() -> {
					if (!parent.isDisposed()) {
						setContentDescription(describe(state));
					}
				});
			}

			@Override
			public void setTerminalTitle(String title) {
				parent.getDisplay().asyncExec(() -> {
					if (!parent.isDisposed()) {
						setTitleToolTip(title);
					}
				});
			}
		}, parent, new ITerminalConnector[] { connector });
		terminal.setConnector(connector);
	}

	/**
	 * The TM proxy creates the implementation lazily and getAdapter does not trigger that, so ask for
	 * the initialisation error first (which instantiates it) before adapting.
	 */
	private SshTerminalConnector sshConnector() {
		String error = connector.getInitializationErrorMessage();
		SshTerminalConnector impl = connector.getAdapter(SshTerminalConnector.class);
		if (impl == null) {
			throw new IllegalStateException("SSH terminal connector failed to initialise: " + error);
		}
		return impl;
	}

	private String describe(TerminalState state) {
		SshTerminalConnector impl = sshConnector();
		Target t = impl == null ? null : impl.target();
		return (t == null ? "" : t + " - ") + state;
	}

	/** Known-hosts store used by {@link #connect}; tests and preferences point it elsewhere. */
	public void setSessions(SshSessions sessions) {
		this.sessions = sessions;
	}

	/** Connects with the default prompt: a dialog showing the host key fingerprint. */
	public void connect(Target target) {
		connect(target, new DialogHostKeyPrompt(getSite().getShell().getDisplay()));
	}

	/**
	 * Opens a shell on the target. Must run on the UI thread; returns once the connection is
	 * established or has failed (the TM control keeps the UI responsive meanwhile).
	 */
	public void connect(Target target, HostKeyPrompt prompt) {
		if (terminal.isConnected()) {
			terminal.disconnectTerminal();
		}
		SshTerminalConnector impl = sshConnector();
		impl.configure(target, prompt, sessions);
		setPartName("Terminal: " + target.name());
		terminal.setConnector(connector);
		terminal.connectTerminal();
	}

	public void disconnect() {
		terminal.disconnectTerminal();
	}

	public ITerminalViewControl getTerminal() {
		return terminal;
	}

	@Override
	public void setFocus() {
		terminal.setFocus();
	}

	@Override
	public void dispose() {
		if (terminal != null) {
			terminal.disposeTerminal();
		}
		super.dispose();
	}
}
