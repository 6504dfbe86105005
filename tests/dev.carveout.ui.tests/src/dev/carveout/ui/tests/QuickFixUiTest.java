package dev.carveout.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.ISourceViewerExtension3;
import org.eclipse.jface.text.source.SourceViewerConfiguration;
import org.eclipse.jface.text.source.TextInvocationContext;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.texteditor.AbstractTextEditor;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


/** Quick fixes as a user applies them: from the Problems view's resolutions and with Ctrl+1, and undone. */
class QuickFixUiTest {

	private BoardFixture fixture;
	private IWorkbenchPage page;
	private ITextEditor editor;
	private IDocument document;

	@BeforeEach
	void openBoard() throws Exception {
		fixture = new BoardFixture("carveout-fix-test");
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		editor = (ITextEditor) IDE.openEditor(page, fixture.board);
		document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		Workbench.waitUntil(() -> overlapMarker() != null, this::allProblems);
	}

	@AfterEach
	void closeBoard() throws Exception {
		page.closeAllEditors(false);
		fixture.delete();
	}

	@Test
	void problemsViewResolutionShrinksTheRegionAndUndoBringsTheProblemBack() {
		IMarker marker = overlapMarker();
		IMarkerResolution[] resolutions = IDE.getMarkerHelpRegistry().getResolutions(marker);
		IMarkerResolution shrink = Arrays.stream(resolutions).filter(r -> r.getLabel().startsWith("Shrink camera@8b700000"))
				.findFirst().orElseThrow(() -> new AssertionError(labels(resolutions)));

		shrink.run(marker);

		assertTrue(document.get().contains("reg = <0x0 0x8b700000 0x0 0x200000>;"), document.get());
		waitForNoOverlap();
		assertTrue(editor.isDirty(), "a fix is an edit of the document, not of the file");

		editor.getAction(ITextEditorActionConstants.UNDO).run();

		assertEquals(BoardFixture.BOARD_DTS, document.get(), "one Undo takes the whole fix back");
		Workbench.waitUntil(() -> overlapMarker() != null, this::allProblems);
	}

	@Test
	void ctrl1OffersTheFixesOfTheLineAndMovingRenamesTheNodeToo() throws Exception {
		int offset = document.get().indexOf("camera_mem: camera@8b700000");
		ISourceViewer viewer = (ISourceViewer) editor.getAdapter(ITextOperationTarget.class);
		TextInvocationContext caret = new TextInvocationContext(viewer, document.get().indexOf("reg = <0x0 0x8b700000", offset), 0);
		// As a user would, press Ctrl+1 once the marker shows: a check still running may be rewriting the markers.
		Workbench.waitUntil(() -> quickAssist(viewer, caret).length > 0, () -> "no proposals on the camera reg line");
		ICompletionProposal[] proposals = quickAssist(viewer, caret);
		List<String> labels = Arrays.stream(proposals).map(ICompletionProposal::getDisplayString).toList();
		assertTrue(labels.contains("Move camera@8b700000 after video@8b900000, to 0x8c000000"), labels.toString());

		Arrays.stream(proposals).filter(p -> p.getDisplayString().startsWith("Move")).findFirst().orElseThrow().apply(document);

		assertTrue(document.get().contains("camera_mem: camera@8c000000 {\n\t\treg = <0x0 0x8c000000 0x0 0x500000>;"),
				document.get());
		waitForNoOverlap();
		editor.getAction(ITextEditorActionConstants.UNDO).run();
		assertEquals(BoardFixture.BOARD_DTS, document.get());
	}

	@Test
	void hoverOnARegionShowsItsPlaceSizeAndDefiningFile() throws Exception {
		Method configuration = AbstractTextEditor.class.getDeclaredMethod("getSourceViewerConfiguration");
		configuration.setAccessible(true);
		ISourceViewer viewer = (ISourceViewer) editor.getAdapter(ITextOperationTarget.class);
		ITextHover hover = ((SourceViewerConfiguration) configuration.invoke(editor)).getTextHover(viewer, IDocument.DEFAULT_CONTENT_TYPE);
		int offset = document.get().indexOf("no-map", document.get().indexOf("camera_mem:"));
		// The hover reads the board's last check, which the checking job publishes after the markers.
		Workbench.waitUntil(() -> hover.getHoverInfo(viewer, hover.getHoverRegion(viewer, offset)) != null, () -> "no check result yet");
		String text = hover.getHoverInfo(viewer, hover.getHoverRegion(viewer, offset));
		assertTrue(text.startsWith("camera@8b700000 (camera_mem) — no-map carve-out"), text);
		assertTrue(text.contains("0x8b700000–0x8bbfffff, size 0x500000 (5 MiB)"), text);
		assertTrue(text.contains("reg defined at board.dts:" + BoardFixture.lineOf(BoardFixture.BOARD_DTS, "reg = <0x0 0x8b700000")), text);
	}

	private static ICompletionProposal[] quickAssist(ISourceViewer viewer, TextInvocationContext caret) {
		return ((ISourceViewerExtension3) viewer).getQuickAssistAssistant().getQuickAssistProcessor()
				.computeQuickAssistProposals(caret);
	}

	private void waitForNoOverlap() {
		Workbench.waitUntil(() -> overlapMarker() == null && Workbench.problems(fixture.soc, "R12").size() == 1,
				this::allProblems);
	}

	private IMarker overlapMarker() {
		List<IMarker> markers = Workbench.problems(fixture.board, "R8");
		return markers.isEmpty() ? null : markers.get(0);
	}

	private static String labels(IMarkerResolution[] resolutions) {
		return Arrays.stream(resolutions).map(IMarkerResolution::getLabel).toList().toString();
	}

	private String allProblems() {
		List<IMarker> markers = new java.util.ArrayList<>(Workbench.problems(fixture.board));
		markers.addAll(Workbench.problems(fixture.soc));
		return Workbench.describe(markers);
	}
}
