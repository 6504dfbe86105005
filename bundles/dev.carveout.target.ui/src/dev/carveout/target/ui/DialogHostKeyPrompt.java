package dev.carveout.target.ui;

import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

import dev.carveout.target.HostKeyPrompt;

/**
 * Asks the user, like OpenSSH does, whether to trust a host key seen for the first time. Called from
 * the connection thread, so it hops to the UI thread and waits for the answer.
 */
public class DialogHostKeyPrompt implements HostKeyPrompt {

	private final Display display;

	public DialogHostKeyPrompt(Display display) {
		this.display = display;
	}

	@Override
	public boolean trustNewHostKey(String host, String keyType, String fingerprint) {
		AtomicBoolean answer = new AtomicBoolean();
		display.syncExec(() -> {
			Shell shell = display.getActiveShell();
			answer.set(MessageDialog.openQuestion(shell, "Unknown target host key",
					"The authenticity of host '" + host + "' can't be established.\n\n" + keyType
							+ " key fingerprint is\n" + fingerprint + "\n\n"
							+ "Compare it with 'ssh-keygen -lf' on the target. Trust it and add it to known_hosts?"));
		});
		return answer.get();
	}
}
