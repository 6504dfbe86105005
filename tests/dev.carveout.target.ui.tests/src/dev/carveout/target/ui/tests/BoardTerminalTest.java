package dev.carveout.target.ui.tests;

import static dev.carveout.target.ui.tests.TargetTerminalViewTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.tm.internal.terminal.control.ITerminalViewControl;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.carveout.target.SshSessions;
import dev.carveout.target.tests.BootedBoard;
import dev.carveout.target.tests.BootedBoard.Board;
import dev.carveout.target.ui.TargetTerminalView;

/**
 * The Target Terminal view on the real booted arm64 board: the first connection asks about the board's host key
 * (the test answers, after checking the fingerprint is the one the board's build generated), the shell is the
 * board's own, and a board whose key no longer matches known_hosts is refused.
 */
@ExtendWith(BootedBoard.class)
class BoardTerminalTest {

	@TempDir
	Path tmp;

	@Test
	void theTerminalIsAShellOnTheBoardAfterTheHostKeyIsAccepted(Board board) throws Exception {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		TargetTerminalView view = (TargetTerminalView) page.showView(TargetTerminalView.ID);
		view.setSessions(new SshSessions(tmp.resolve("known_hosts")));
		List<String> asked = new ArrayList<>();
		try {
			view.connect(board.target(), (host, type, fingerprint) -> {
				asked.add(host + " " + type + " " + fingerprint);
				return fingerprint.equals(fingerprintOf(board));
			});
			ITerminalViewControl terminal = view.getTerminal();
			TargetTerminalViewTest.waitUntil(terminal::isConnected, 60,
					() -> "terminal did not connect to the board:\n" + text(terminal));
			assertEquals(List.of("[127.0.0.1]:" + board.port() + " " + board.hostKeyType() + " "
					+ board.hostKeyFingerprint()), asked);
			assertTrue(Files.readString(tmp.resolve("known_hosts")).contains("[127.0.0.1]:" + board.port()),
					"accepted key not remembered");

			// The board's kernel release and architecture: only the booted arm64 board answers this.
			assertTrue(terminal.pasteString("echo board=$(uname -r)/$(uname -m)\r"));
			String expected = "board=" + board.kernelRelease() + "/aarch64";
			TargetTerminalViewTest.waitUntil(() -> text(terminal).contains(expected), 60,
					() -> "no '" + expected + "' in the terminal:\n" + text(terminal));
		} finally {
			view.disconnect();
			page.hideView(view);
		}
	}

	@Test
	void aBoardWhoseKeyChangedIsRefused(Board board) throws Exception {
		Path impostor = tmp.resolve("impostor_key");
		OpenSshServer.keygen(impostor, "impostor");
		Path knownHosts = tmp.resolve("known_hosts");
		Files.writeString(knownHosts, "[127.0.0.1]:" + board.port() + " "
				+ OpenSshServer.publicKeyOf(Path.of(impostor + ".pub")) + "\n");

		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		TargetTerminalView view = (TargetTerminalView) page.showView(TargetTerminalView.ID);
		view.setSessions(new SshSessions(knownHosts));
		try {
			view.connect(board.target(), (h, t, f) -> fail("a changed key was offered for acceptance"));
			ITerminalViewControl terminal = view.getTerminal();
			TargetTerminalViewTest.waitUntil(() -> text(terminal).contains("REMOTE HOST KEY CHANGED"), 60,
					() -> "refusal not shown in the terminal:\n" + text(terminal));
			assertTrue(text(terminal).replaceAll("\\s+", "").contains(board.hostKeyFingerprint()),
					"the board's real fingerprint is not shown:\n" + text(terminal));
			assertFalse(terminal.isConnected());
		} finally {
			view.disconnect();
			page.hideView(view);
		}
	}

	private static String fingerprintOf(Board board) {
		try {
			return board.hostKeyFingerprint();
		} catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
