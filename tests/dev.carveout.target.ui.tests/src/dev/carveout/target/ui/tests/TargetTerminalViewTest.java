package dev.carveout.target.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.tm.internal.terminal.control.ITerminalViewControl;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.carveout.ui.Screenshots;
import dev.carveout.target.SshSessions;
import dev.carveout.target.ui.SshTerminalConnector;
import dev.carveout.target.ui.TargetTerminalView;

/** The Target Terminal view in a running workbench, talking to a real sshd. Runs on the UI thread. */
class TargetTerminalViewTest {

	private static OpenSshServer sshd;

	@TempDir
	Path tmp;

	@BeforeAll
	static void startSshd() throws Exception {
		sshd = OpenSshServer.start();
	}

	@AfterAll
	static void stopSshd() throws Exception {
		if (sshd != null) {
			sshd.close();
		}
	}

	@Test
	void shellInTheViewRunsCommandsOnTheTarget() throws Exception {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		TargetTerminalView view = (TargetTerminalView) page.showView(TargetTerminalView.ID);
		assertNotNull(view);
		view.setSessions(new SshSessions(tmp.resolve("known_hosts")));
		List<String> prompted = new ArrayList<>();
		try {
			view.connect(sshd.target("test-board"), (host, type, fp) -> prompted.add(fp));
			ITerminalViewControl terminal = view.getTerminal();
			waitUntil(terminal::isConnected, 20, () -> "terminal did not connect; sshd log:\n" + sshd.log()
					+ "\nterminal:\n" + text(terminal));
			assertEquals(List.of(sshd.hostKeyFingerprint()), prompted);

			// $((6*7)) only becomes 42 if a real shell on the target evaluated what we typed.
			assertTrue(terminal.pasteString("echo carveout-$((6*7))\r"));
			waitUntil(() -> text(terminal).contains("carveout-42"), 20,
					() -> "no carveout-42 in terminal:\n" + text(terminal));

			assertTrue(terminal.pasteString("echo term=$TERM\r"));
			waitUntil(() -> text(terminal).contains("term=xterm-256color"), 20,
					() -> "pty type not xterm-256color:\n" + text(terminal));

			// The pty must have the size the widget reported (setPtyType/setPtySize reached sshd).
			SshTerminalConnector connector = terminal.getTerminalConnector().getAdapter(SshTerminalConnector.class);
			int[] size = connector.terminalSize();
			assertPtySize(terminal, size);

			// Maximising the view makes the widget bigger: the remote pty must follow (setPtySize).
			page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
			waitUntil(() -> connector.terminalSize()[0] > size[0] && connector.terminalSize()[1] > size[1], 20,
					() -> "terminal size did not grow from " + size[0] + "x" + size[1]);
			settle();
			assertPtySize(terminal, connector.terminalSize());

			terminal.clearTerminal();
			assertTrue(terminal.pasteString("echo carveout-$((6*7))\r"));
			waitUntil(() -> text(terminal).contains("carveout-42"), 20,
					() -> "no carveout-42 in terminal:\n" + text(terminal));
			clearSelection(terminal);
			settle();
			screenshot(view.getSite().getShell(), "target-terminal.png");
		} finally {
			view.disconnect();
			page.hideView(view);
		}
	}

	@Test
	void changedHostKeyIsRefusedAndExplainedInTheTerminal() throws Exception {
		Path impostor = tmp.resolve("impostor_key");
		OpenSshServer.keygen(impostor, "impostor");
		Path knownHosts = tmp.resolve("known_hosts");
		Files.writeString(knownHosts,
				sshd.knownHostsName() + " " + OpenSshServer.publicKeyOf(Path.of(impostor + ".pub")) + "\n");

		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		TargetTerminalView view = (TargetTerminalView) page.showView(TargetTerminalView.ID);
		view.setSessions(new SshSessions(knownHosts));
		try {
			view.connect(sshd.target("reflashed-board"), (h, t, f) -> fail("changed key offered for acceptance"));
			ITerminalViewControl terminal = view.getTerminal();
			waitUntil(() -> text(terminal).contains("REMOTE HOST KEY CHANGED"), 20,
					() -> "refusal not shown in terminal:\n" + text(terminal));
			String shown = text(terminal).replaceAll("\\s+", "");
			assertTrue(shown.contains(sshd.hostKeyFingerprint()), "presented fingerprint missing:\n" + shown);
			assertFalse(terminal.isConnected());
		} finally {
			view.disconnect();
			page.hideView(view);
		}
	}

	private static void assertPtySize(ITerminalViewControl terminal, int[] size) {
		String expected = "size=" + size[1] + "x" + size[0];
		assertTrue(terminal.pasteString("echo size=$(stty size | tr ' ' x)\r"));
		waitUntil(() -> text(terminal).contains(expected), 20,
				() -> "expected pty " + expected + " (rows x columns) in terminal:\n" + text(terminal));
	}

	/** Reading the text selects everything; a click clears that so the screenshot shows the terminal as a user does. */
	private static void clearSelection(ITerminalViewControl terminal) {
		Control canvas = terminal.getControl();
		for (int type : new int[] { SWT.MouseDown, SWT.MouseUp }) {
			Event e = new Event();
			e.type = type;
			e.button = 1;
			e.x = 1;
			e.y = canvas.getSize().y - 2;
			canvas.notifyListeners(type, e);
		}
	}

	static String text(ITerminalViewControl terminal) {
		terminal.selectAll();
		String s = terminal.getSelection();
		return s == null ? "" : s;
	}

	private static void waitUntil(BooleanSupplier condition, int seconds, java.util.function.Supplier<String> message) {
		Display display = Display.getCurrent();
		long deadline = System.currentTimeMillis() + seconds * 1000L;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > deadline) {
				fail(message.get());
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

	private static void settle() {
		Display display = Display.getCurrent();
		long end = System.currentTimeMillis() + 500;
		while (System.currentTimeMillis() < end) {
			while (display.readAndDispatch()) {
				// drain
			}
		}
	}

	/** Saves the workbench window as a build artifact, so a human can see what the test saw. */
	private static void screenshot(Shell shell, String name) throws Exception {
		Path out = Screenshots.save(shell, Screenshots.directory().resolve(name));
		assertTrue(Files.size(out) > 0, "empty screenshot " + out);
	}
}
