package dev.carveout.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.carveout.ui.editor.CarveoutEditor;
import dev.carveout.ui.validation.BoardValidationJob;

/** The Carveout editor in a running IDE workbench, driven the way a user drives it. */
class CarveoutEditorTest {

	private BoardFixture fixture;
	private IWorkbenchPage page;
	private ITextEditor editor;

	@BeforeEach
	void openBoard() throws Exception {
		fixture = new BoardFixture("carveout-ui-test");
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IEditorPart part = IDE.openEditor(page, fixture.board);
		assertInstanceOf(CarveoutEditor.class, part, "a .dts file opens in the Carveout editor");
		editor = (ITextEditor) part;
	}

	@AfterEach
	void closeBoard() throws Exception {
		page.closeAllEditors(false);
		fixture.delete();
	}

	@Test
	void openingTheBoardMarksProblemsInTheFilesThatCauseThem() throws Exception {
		Workbench.waitUntil(() -> !Workbench.problems(fixture.soc, "R12").isEmpty()
				&& !Workbench.problems(fixture.board, "R8").isEmpty(), this::allProblems);

		List<IMarker> r12 = Workbench.problems(fixture.soc, "R12");
		assertEquals(1, r12.size(), allProblems());
		assertEquals(BoardFixture.lineOf(BoardFixture.SOC_DTSI, "wpss_mem: wpss@0x84800000"),
				r12.get(0).getAttribute(IMarker.LINE_NUMBER, -1), allProblems());
		assertEquals(IMarker.SEVERITY_WARNING, r12.get(0).getAttribute(IMarker.SEVERITY, -1));

		List<IMarker> r8 = Workbench.problems(fixture.board, "R8");
		assertEquals(1, r8.size(), allProblems());
		assertEquals(BoardFixture.lineOf(BoardFixture.BOARD_DTS, "reg = <0x0 0x8b700000"),
				r8.get(0).getAttribute(IMarker.LINE_NUMBER, -1), allProblems());
		assertEquals(IMarker.SEVERITY_ERROR, r8.get(0).getAttribute(IMarker.SEVERITY, -1));
		assertTrue(r8.get(0).isSubtypeOf(IMarker.PROBLEM) && r8.get(0).isSubtypeOf(IMarker.TEXT),
				"Carveout problems show in the Problems view and as text annotations");
		assertTrue(r8.get(0).getAttribute(IMarker.CHAR_END, -1) > r8.get(0).getAttribute(IMarker.CHAR_START, -1),
				"the marker covers the offending text");
	}

	@Test
	void typingAwayTheOverlapClearsItsProblemWithoutSaving() throws Exception {
		Workbench.waitUntil(() -> !Workbench.problems(fixture.board, "R8").isEmpty(), this::allProblems);

		removeVideoNode();

		// Readers may see a marker update half done (the workspace is not transactional for them): wait for the end state.
		Workbench.waitUntil(() -> Workbench.problems(fixture.board, "R8").isEmpty()
				&& Workbench.problems(fixture.soc, "R12").size() == 1, this::allProblems);
		assertTrue(editor.isDirty(), "the board was checked from the editor, not from disk");
	}

	@Test
	void closingWithoutSavingBringsBackTheProblemsOfTheSavedFile() throws Exception {
		Workbench.waitUntil(() -> !Workbench.problems(fixture.board, "R8").isEmpty(), this::allProblems);
		removeVideoNode();
		Workbench.waitUntil(() -> Workbench.problems(fixture.board, "R8").isEmpty(), this::allProblems);

		assertTrue(page.closeEditor(editor, false));

		Workbench.waitUntil(() -> !Workbench.problems(fixture.board, "R8").isEmpty(), this::allProblems);
	}

	@Test
	void savingChecksTheSavedBoard() throws Exception {
		Workbench.waitUntil(() -> !Workbench.problems(fixture.board, "R8").isEmpty(), this::allProblems);
		removeVideoNode();
		editor.doSave(new NullProgressMonitor());
		assertFalse(editor.isDirty());

		Workbench.waitUntil(() -> Workbench.problems(fixture.board, "R8").isEmpty(), this::allProblems);
		assertTrue(page.closeEditor(editor, false));
		Workbench.processEvents(BoardValidationJob.TYPING_DELAY_MS * 2);
		Workbench.waitForChecks();
		assertTrue(Workbench.problems(fixture.board, "R8").isEmpty(), allProblems());
		assertEquals(1, Workbench.problems(fixture.soc, "R12").size(), allProblems());
	}

	@Test
	void outlineShowsTheNodesOfTheBoardWithLabelsAndUnitAddresses() throws Exception {
		page.showView(IPageLayout.ID_PROBLEM_VIEW);
		page.showView(IPageLayout.ID_OUTLINE);
		page.activate(editor);
		IContentOutlinePage outline = editor.getAdapter(IContentOutlinePage.class);
		Tree tree = (Tree) outline.getControl();

		Workbench.waitUntil(() -> Workbench.texts(tree.getItems()).contains("video_mem: video@8b900000"),
				() -> Workbench.texts(tree.getItems()).toString());
		List<String> texts = Workbench.texts(tree.getItems());
		assertTrue(texts.contains("/"), texts.toString());
		assertTrue(texts.contains("&reserved_memory"), texts.toString());
		assertTrue(texts.contains("camera_mem: camera@8b700000"), texts.toString());
		assertTrue(texts.contains("model"), texts.toString());

		Workbench.waitUntil(() -> !Workbench.problems(fixture.board, "R8").isEmpty(), this::allProblems);
		page.getWorkbenchWindow().getShell().setMaximized(true);
		Workbench.processEvents(1500);
		File png = Workbench.screenshot(page.getWorkbenchWindow().getShell(), "editor.png");
		assertTrue(png.length() > 0, png.toString());
	}

	@Test
	void aFindingAMacroKeepsFromFixingSaysWhyInItsMarker() throws Exception {
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		// Typed, not saved: a macro-sized carve-out off the 1 MiB grid (R13), whose size no fix may rewrite.
		document.replace(0, 0, "#define FW_SIZE 0x80000\n");
		int video = document.get().indexOf(BoardFixture.VIDEO_NODE);
		document.replace(video, 0, "\t\tfw@8c080000 { reg = <0x0 0x8c080000 0x0 FW_SIZE>; no-map; };\n");

		Workbench.waitUntil(() -> Workbench.problems(fixture.board, "R13").stream()
				.anyMatch(m -> m.getAttribute(IMarker.MESSAGE, "").contains("is written with the macro FW_SIZE")),
				this::allProblems);
		List<IMarker> fw = Workbench.problems(fixture.board, "R13").stream()
				.filter(m -> m.getAttribute(IMarker.MESSAGE, "").contains("fw@8c080000")).toList();
		assertEquals(1, fw.size(), allProblems());
		assertTrue(fw.get(0).getAttribute(IMarker.MESSAGE, "").endsWith("so change it by hand)"), allProblems());
		List<IMarker> overlap = Workbench.problems(fixture.board, "R8");
		assertTrue(overlap.stream().noneMatch(m -> m.getAttribute(IMarker.MESSAGE, "").contains("no quick fix")),
				"a finding with a fix keeps its message: " + allProblems());
	}

	/** Deletes the carve-out that overlaps camera_mem, as a user would by editing the text. */
	private void removeVideoNode() throws Exception {
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		int start = document.get().indexOf(BoardFixture.VIDEO_NODE);
		assertTrue(start >= 0, document.get());
		document.replace(start, BoardFixture.VIDEO_NODE.length(), "");
	}

	private String allProblems() {
		List<IMarker> markers = new java.util.ArrayList<>(Workbench.problems(fixture.board));
		markers.addAll(Workbench.problems(fixture.soc));
		return Workbench.describe(markers);
	}
}
