package dev.carveout.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.InternalFailure;
import dev.carveout.ui.CarveoutUi;
import dev.carveout.ui.editor.CarveoutEditor;
import dev.carveout.ui.validation.ContainedCheck;

/**
 * Input that used to kill the check typed into the editor: a macro that doubles 40 times and nodes nested
 * 10,000 deep each get a marker naming the cause at its line, the UI thread keeps running what is posted to it
 * while the board is checked, and the next ordinary edit is checked as usual.
 */
class HostileInputTest {

	/** How long an asyncExec may wait for the UI thread while a hostile board is checked. */
	private static final Duration RESPONSIVE = Duration.ofSeconds(2);

	private BoardFixture fixture;
	private IWorkbenchPage page;
	private ITextEditor editor;

	@BeforeEach
	void openBoard() throws Exception {
		fixture = new BoardFixture("carveout-hostile-test");
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IEditorPart part = IDE.openEditor(page, fixture.board);
		editor = assertInstanceOf(CarveoutEditor.class, part);
		Workbench.waitUntil(() -> !Workbench.problems(fixture.board, "R8").isEmpty(), () -> Workbench.allProblems(fixture.project));
	}

	@AfterEach
	void closeBoard() throws Exception {
		page.closeAllEditors(false);
		fixture.delete();
	}

	@Test
	void aMacroBombIsMarkedAtItsUseAndTheNextEditIsChecked() {
		StringBuilder bomb = new StringBuilder("/dts-v1/;\n");
		for (int i = 0; i < 40; i++) {
			bomb.append("#define M").append(i).append(" M").append(i + 1).append(" M").append(i + 1).append('\n');
		}
		bomb.append("#define M40 1\n/ {\n\tbomb = <M0>;\n};\n");
		IMarker marker = typeAndAwaitInputError(bomb.toString(), "expands past");
		assertEquals(BoardFixture.lineOf(bomb.toString(), "bomb = <M0>"), marker.getAttribute(IMarker.LINE_NUMBER, -1), describe());
		assertTrue(marker.getAttribute(IMarker.MESSAGE, "").contains("M0"), describe());
		theNextEditIsCheckedNormally();
	}

	@Test
	void tenThousandNestedNodesAreMarkedWhereTheNestingGoesTooDeepAndTheNextEditIsChecked() {
		int depth = 10_000;
		String deep = "/dts-v1/;\n/ {\n" + "a {\n".repeat(depth) + "};\n".repeat(depth) + "};\n";
		IMarker marker = typeAndAwaitInputError(deep, "nesting deeper than");
		int line = marker.getAttribute(IMarker.LINE_NUMBER, -1);
		// The limit is in the tens of levels: the marker is on one of the first nodes, not at line 1 or the end.
		assertTrue(line > 2 && line < 200, describe());
		theNextEditIsCheckedNormally();
	}

	/** What the job and the builder do with whatever the engine throws: the board's internal finding, in the log too. */
	@Test
	void aFailedCheckIsTheBoardsInternalFindingAndAnErrorLogEntry() {
		List<IStatus> logged = new ArrayList<>();
		ILogListener listener = (status, plugin) -> logged.add(status);
		Platform.addLogListener(listener);
		try {
			Path board = Path.of("/boards/failing.dts");
			CheckResult result = ContainedCheck.check(board, () -> {
				throw new StackOverflowError();
			});
			assertEquals(1, result.findings().size());
			assertEquals(InternalFailure.RULE, result.findings().get(0).ruleId());
			assertEquals(board, result.findings().get(0).at().file());
			assertTrue(result.findings().get(0).message().startsWith("Carveout failed on this board: java.lang.StackOverflowError"),
					result.findings().get(0).message());
			assertTrue(logged.stream().anyMatch(s -> s.getSeverity() == IStatus.ERROR && s.getException() instanceof StackOverflowError
					&& s.getMessage().contains("failing.dts")), logged.toString());
		} finally {
			Platform.removeLogListener(listener);
		}
	}

	/**
	 * Replaces the editor's text as a paste does, and runs the event loop until the board has an input error
	 * whose message has {@code cause}, checking all the while that what is posted to the UI thread runs soon.
	 */
	private IMarker typeAndAwaitInputError(String text, String cause) {
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		document.set(text);
		Display display = Display.getCurrent();
		AtomicLong longest = new AtomicLong();
		long deadline = System.nanoTime() + Workbench.TIMEOUT.toNanos();
		IMarker found = null;
		while (found == null) {
			assertTrue(System.nanoTime() < deadline, "no input error with '" + cause + "'; saw " + describe());
			long posted = System.nanoTime();
			AtomicLong ran = new AtomicLong();
			display.asyncExec(() -> ran.set(System.nanoTime()));
			while (ran.get() == 0) {
				if (!display.readAndDispatch()) {
					display.sleep();
				}
			}
			longest.accumulateAndGet(ran.get() - posted, Math::max);
			found = Workbench.problems(fixture.board, "input").stream()
					.filter(m -> m.getAttribute(IMarker.MESSAGE, "").contains(cause)).findFirst().orElse(null);
			Workbench.processEvents(20);
		}
		assertTrue(longest.get() < RESPONSIVE.toNanos(), "the UI thread was busy for " + longest.get() / 1_000_000 + " ms");
		assertEquals(IMarker.SEVERITY_ERROR, found.getAttribute(IMarker.SEVERITY, -1), describe());
		return found;
	}

	/** Back to the fixture's board: its overlap is marked again, and nothing of the hostile text is left. */
	private void theNextEditIsCheckedNormally() {
		editor.getDocumentProvider().getDocument(editor.getEditorInput()).set(BoardFixture.BOARD_DTS);
		Workbench.waitUntil(() -> !Workbench.problems(fixture.board, "R8").isEmpty() && Workbench.problems(fixture.board, "input").isEmpty()
				&& Workbench.problems(fixture.board, InternalFailure.RULE).isEmpty(), this::describe);
	}

	private String describe() {
		return Workbench.allProblems(fixture.project) + " marker type " + CarveoutUi.PROBLEM_MARKER;
	}
}
