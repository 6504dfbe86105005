package dev.carveout.target.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.carveout.target.SshConnectException;
import dev.carveout.target.SshSessions;
import dev.carveout.target.Target;
import dev.carveout.target.ui.TargetTerminalView;
import dev.carveout.target.ui.targets.SecureTargetSecrets;
import dev.carveout.target.ui.targets.TargetEditing;
import dev.carveout.target.ui.targets.TargetStore;
import dev.carveout.target.ui.targets.TargetsView;

/**
 * The Targets view against a real sshd: targets come from the workspace store, a key's passphrase from an
 * encrypted secure storage (a test file with a test master password, so nothing prompts), and no secret ever
 * reaches the workspace or the secure storage file in clear.
 */
class TargetsViewTest {

	private static OpenSshServer sshd;

	@TempDir
	Path tmp;

	private SecureTargetSecrets secrets;
	private Path storageFile;
	private final List<String> created = new ArrayList<>();

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

	@BeforeEach
	void openSecureStorage() throws Exception {
		storageFile = tmp.resolve("secure_storage");
		Map<Object, Object> options = new HashMap<>();
		options.put(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec("carveout-test-master".toCharArray()));
		options.put(IProviderHints.PROMPT_USER, Boolean.FALSE);
		ISecurePreferences storage = SecurePreferencesFactory.open(storageFile.toUri().toURL(), options);
		secrets = new SecureTargetSecrets(storage);
	}

	@AfterEach
	void removeTargets() {
		TargetEditing editing = new TargetEditing(TargetStore.getDefault(), secrets);
		for (String name : created) {
			TargetStore.getDefault().find(name).ifPresent(editing::remove);
		}
	}

	@Test
	void passphraseFromSecureStorageOpensTheTerminalAndIsNeverWrittenInClear() throws Exception {
		String passphrase = "carveout-pass-" + UUID.randomUUID();
		Path key = tmp.resolve("board_key");
		OpenSshServer.run(OpenSshServer.SSH_KEYGEN, "-q", "-t", "ed25519", "-N", passphrase, "-C", "carveout-test",
				"-f", key.toString());
		sshd.authorize(Path.of(key + ".pub"));
		Target target = new Target("passphrase-board", "127.0.0.1", sshd.port, System.getProperty("user.name"), key);
		TargetStore.getDefault().put(target);
		created.add(target.name());
		secrets.store(target.name(), passphrase.toCharArray());

		TargetsView view = showTargetsView();
		SshSessions sessions = new SshSessions(sshd.knownHostsTrustingIt(tmp.resolve("known_hosts")), secrets);
		view.setConnections(sessions, secrets);
		TableItem row = row(view, target.name());
		assertTrue(row.getText(3).contains("passphrase (secure storage)"), "authentication column: " + row.getText(3));

		TargetTerminalView terminal = view.openTerminal(target);
		waitUntil(() -> terminal.getTerminal().isConnected(), () -> "terminal did not connect; sshd log:\n" + sshd.log());
		assertTrue(terminal.getTerminal().pasteString("echo secret-$((6*7))\r"));
		waitUntil(() -> TargetTerminalViewTest.text(terminal.getTerminal()).contains("secret-42"),
				() -> "no shell output:\n" + TargetTerminalViewTest.text(terminal.getTerminal()));
		terminal.disconnect();

		byte[] clear = passphrase.getBytes(StandardCharsets.UTF_8);
		assertTrue(Files.size(storageFile) > 0, "nothing was written to secure storage");
		assertFalse(contains(Files.readAllBytes(storageFile), clear), "secure storage holds the passphrase in clear");
		Path workspace = Path.of(Platform.getInstanceLocation().getURL().toURI());
		Path configuration = Path.of(Platform.getConfigurationLocation().getURL().toURI());
		for (Path root : List.of(workspace, configuration)) {
			List<Path> leaks = filesContaining(root, clear);
			assertEquals(List.of(), leaks, "the passphrase leaked into " + root);
		}

		// Forgotten, the encrypted key no longer opens: the passphrase really came from secure storage.
		secrets.forget(target.name());
		assertThrows(SshConnectException.class, () -> sessions.open(target, (h, t, f) -> false).disconnect());
	}

	@Test
	void selectionHoldsTargetsAndTestConnectionLogsIn() throws Exception {
		Target board = sshd.target("selection-board");
		TargetStore.getDefault().put(board);
		created.add(board.name());
		TargetsView view = showTargetsView();
		view.setConnections(new SshSessions(sshd.knownHostsTrustingIt(tmp.resolve("known_hosts")), secrets), secrets);

		TableItem row = row(view, board.name());
		assertEquals("127.0.0.1:" + sshd.port, row.getText(1));
		view.viewer().setSelection(new StructuredSelection(board), true);
		IStructuredSelection selection = (IStructuredSelection) view.getSite().getSelectionProvider().getSelection();
		assertEquals(List.of(board), selection.toList(), "commands contributed to the view get the Target");

		Job job = view.testConnection(board);
		while (job.getResult() == null) {
			spin();
		}
		assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getResult().getMessage());
		assertTrue(job.getResult().getMessage().contains("Linux"), job.getResult().getMessage());

		new TargetEditing(TargetStore.getDefault(), secrets).remove(board);
		waitUntil(() -> Arrays.stream(view.viewer().getTable().getItems()).noneMatch(i -> i.getText(0).equals(board.name())),
				() -> "removed target still listed");
		assertTrue(TargetStore.getDefault().find(board.name()).isEmpty());
	}

	private static TargetsView showTargetsView() throws Exception {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		return (TargetsView) page.showView(TargetsView.ID);
	}

	private static TableItem row(TargetsView view, String name) {
		TableItem[] found = new TableItem[1];
		waitUntil(() -> {
			for (TableItem item : view.viewer().getTable().getItems()) {
				if (item.getText(0).equals(name)) {
					found[0] = item;
					return true;
				}
			}
			return false;
		}, () -> "target " + name + " not listed in the Targets view");
		return found[0];
	}

	private static List<Path> filesContaining(Path root, byte[] needle) throws IOException {
		if (!Files.exists(root)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile).filter(f -> {
				try {
					return Files.size(f) < 64 << 20 && contains(Files.readAllBytes(f), needle);
				} catch (IOException unreadable) {
					return false;
				}
			}).toList();
		}
	}

	private static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	private static void waitUntil(BooleanSupplier condition, java.util.function.Supplier<String> message) {
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail(message.get());
			}
			spin();
		}
	}

	private static void spin() {
		Display display = Display.getCurrent();
		if (!display.readAndDispatch()) {
			try {
				Thread.sleep(10);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}
}
