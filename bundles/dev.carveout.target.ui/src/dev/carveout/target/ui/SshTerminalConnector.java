package dev.carveout.target.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.tm.internal.terminal.provisional.api.ITerminalControl;
import org.eclipse.tm.internal.terminal.provisional.api.TerminalState;
import org.eclipse.tm.internal.terminal.provisional.api.provider.TerminalConnectorImpl;

import com.jcraft.jsch.ChannelShell;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;

import dev.carveout.target.HostKeyPrompt;
import dev.carveout.target.SshSessions;
import dev.carveout.target.Target;

/**
 * TM terminal connector that runs an interactive shell on a {@link Target} over JSch.
 * <p>
 * The TM SSH connector is not on Maven Central, and we want the same strict known_hosts handling
 * as the rest of Carveout, so this is a small connector on top of {@link SshSessions}. It is
 * created by the extension registry; {@link #configure} must be called before connecting.
 */
public class SshTerminalConnector extends TerminalConnectorImpl implements IAdaptable {

	public static final String ID = "dev.carveout.target.ui.sshConnector";

	/** Most board userlands have terminfo for it, and it gives colours to tools like htop/menuconfig. */
	static final String PTY_TYPE = "xterm-256color";

	private volatile Target target;
	private volatile HostKeyPrompt prompt;
	private volatile SshSessions sessions;

	private volatile Session session;
	private volatile ChannelShell channel;
	private volatile OutputStream toRemote;

	// The terminal reports its size before the channel exists; remember it for the pty request.
	private volatile int columns = 80;
	private volatile int rows = 24;

	public void configure(Target target, HostKeyPrompt prompt, SshSessions sessions) {
		this.target = target;
		this.prompt = prompt;
		this.sessions = sessions;
	}

	public Target target() {
		return target;
	}

	@Override
	public void connect(ITerminalControl control) {
		super.connect(control);
		if (target == null) {
			control.displayTextInTerminal("No target configured.");
			control.setState(TerminalState.CLOSED);
			return;
		}
		control.setCharset(StandardCharsets.UTF_8);
		control.setState(TerminalState.CONNECTING);
		// Off the UI thread: the handshake may block on the network and on the host key prompt.
		Thread worker = new Thread(() -> run(control), "Carveout SSH " + target.name());
		worker.setDaemon(true);
		worker.start();
	}

	private void run(ITerminalControl control) {
		try {
			Session s = sessions.open(target, prompt);
			session = s;
			ChannelShell shell = (ChannelShell) s.openChannel("shell");
			shell.setPtyType(PTY_TYPE, columns, rows, 0, 0);
			shell.setEnv("LANG", "C.UTF-8");
			InputStream fromRemote = shell.getInputStream();
			toRemote = shell.getOutputStream();
			shell.connect();
			channel = shell;
			control.setState(TerminalState.CONNECTED);
			pump(fromRemote, control.getRemoteToTerminalOutputStream());
		} catch (IOException | JSchException e) {
			// Shown in the terminal itself rather than in a modal dialog: the user sees it in context.
			control.displayTextInTerminal("\r\n" + e.getMessage() + "\r\n");
		} finally {
			closeQuietly();
			control.setState(TerminalState.CLOSED);
		}
	}

	private static void pump(InputStream in, OutputStream out) throws IOException {
		byte[] buffer = new byte[8192];
		int n;
		while ((n = in.read(buffer)) >= 0) {
			out.write(buffer, 0, n);
			out.flush();
		}
	}

	@Override
	protected void doDisconnect() {
		closeQuietly();
	}

	private void closeQuietly() {
		ChannelShell c = channel;
		channel = null;
		if (c != null) {
			c.disconnect();
		}
		Session s = session;
		session = null;
		if (s != null) {
			s.disconnect();
		}
	}

	@Override
	public OutputStream getTerminalToRemoteStream() {
		// Indirection: the terminal asks for the stream once, possibly before the channel exists.
		return new OutputStream() {
			@Override
			public void write(int b) throws IOException {
				write(new byte[] { (byte) b }, 0, 1);
			}

			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				OutputStream out = toRemote;
				if (out != null && channel != null) {
					out.write(b, off, len);
					// Keystrokes must reach the target now, not when a buffer fills.
					out.flush();
				}
			}
		};
	}

	@Override
	public void setTerminalSize(int newColumns, int newRows) {
		if (newColumns <= 0 || newRows <= 0 || (newColumns == columns && newRows == rows)) {
			return;
		}
		columns = newColumns;
		rows = newRows;
		ChannelShell c = channel;
		if (c != null && c.isConnected()) {
			c.setPtySize(newColumns, newRows, 0, 0);
		}
	}

	/** Current pty size as last requested by the terminal (for tests and the status line). */
	public int[] terminalSize() {
		return new int[] { columns, rows };
	}

	@Override
	public String getSettingsSummary() {
		Target t = target;
		return t == null ? "" : t.toString();
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		return adapter.isInstance(this) ? adapter.cast(this) : null;
	}
}
