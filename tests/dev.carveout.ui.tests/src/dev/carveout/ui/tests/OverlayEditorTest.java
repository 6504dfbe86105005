package dev.carveout.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.ISourceViewerExtension3;
import org.eclipse.jface.text.source.TextInvocationContext;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.carveout.ui.CarveoutUi;
import dev.carveout.ui.editor.CarveoutEditor;
import dev.carveout.ui.map.MapEntry;
import dev.carveout.ui.map.MemoryMapView;
import dev.carveout.ui.validation.OverlayBoards;

/**
 * A .dtso opened in the workbench is checked in a composite with its base board: the one the Makefile beside it
 * declares, else the one the user picks in the Memory Map view. Its own findings become its markers, their
 * quick fixes edit its document, and the view shows the composite's map with what the overlay did.
 */
class OverlayEditorTest {

	/** A camera mezzanine: a DSP carve-out of its own, and the base's video pool switched off. */
	static final String CAMERA_DTSO = """
			/dts-v1/;
			/plugin/;

			&reserved_memory {
				dsp_mem: dsp@8c000000 {
					reg = <0x0 0x8c000000 0x0 0x400000>;
					no-map;
				};
			};

			&video_mem {
				status = "disabled";
			};
			""";

	/** kbuild builds board-camera.dtb from the fixture board and the overlay. */
	static final String MAKEFILE = """
			dtb-y += board.dtb
			board-camera-dtbs := board.dtb \\
				camera.dtbo
			dtb-y += board-camera.dtb
			""";

	/** Typed over the DSP's node: inside the SoC's wpss carve-out (0x84800000, 25 MiB) of the base. */
	private static final String DSP_NODE = "dsp@8c000000 {\n\t\treg = <0x0 0x8c000000 0x0 0x400000>;";
	private static final String OVERLAPPING_NODE = "dsp@84900000 {\n\t\treg = <0x0 0x84900000 0x0 0x400000>;";
	private static final String OVERLAPPING_REG = "reg = <0x0 0x84900000 0x0 0x400000>;";

	private BoardFixture fixture;
	private IWorkbenchPage page;

	@BeforeEach
	void createProject() throws Exception {
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		page.closeAllEditors(false);
		fixture = new BoardFixture("carveout-overlay-test");
	}

	@AfterEach
	void deleteProject() throws Exception {
		page.closeAllEditors(false);
		fixture.delete();
	}

	@Test
	void anOverlayIsCheckedOnTheMakefilesBaseAndItsQuickFixEditsTheOverlay() throws Exception {
		fixture.write("Makefile", MAKEFILE);
		IFile camera = fixture.write("camera.dtso", CAMERA_DTSO);
		assertEquals(CarveoutUi.CONTENT_TYPE_ID, camera.getContentDescription().getContentType().getId());

		IEditorPart part = IDE.openEditor(page, camera);
		assertTrue(part instanceof CarveoutEditor, "the Carveout editor opens a .dtso: " + part);
		ITextEditor editor = (ITextEditor) part;
		MemoryMapView view = (MemoryMapView) page.showView(MemoryMapView.ID);
		page.activate(editor);

		// The composite's map: the base's regions, the overlay's DSP added, the base's video pool changed.
		Workbench.waitUntil(() -> entry(view, "dsp@8c000000") != null, () -> "rows " + view.entries());
		assertTrue(view.getContentDescription().startsWith("board.dts+camera.dtso: 5 regions"), view.getContentDescription());
		assertEquals("added by camera.dtso", entry(view, "dsp@8c000000").overlay().text());
		assertEquals("changed by camera.dtso: status", entry(view, "video@8b900000").overlay().text());
		assertEquals("disabled", entry(view, "video@8b900000").status());
		assertEquals("", entry(view, "camera@8b700000").overlay().text(), "the base's own region is not the overlay's");
		assertEquals(List.of(), Workbench.problems(camera, "R8"), allProblems(camera));
		screenshot(view);

		// Typing an overlap with the base's wpss carve-out marks the overlay's reg line, for the overlay's own check.
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		assertTrue(document.get().contains(DSP_NODE), document.get());
		document.replace(document.get().indexOf(DSP_NODE), DSP_NODE.length(), OVERLAPPING_NODE);
		String typed = document.get();
		Workbench.waitUntil(() -> overlap(camera) != null, () -> allProblems(camera));
		IMarker marker = overlap(camera);
		assertEquals(BoardFixture.lineOf(typed, OVERLAPPING_REG), marker.getAttribute(IMarker.LINE_NUMBER, -1));
		assertTrue(marker.getAttribute(IMarker.MESSAGE, "").contains("wpss@0x84800000"), marker.getAttribute(IMarker.MESSAGE, ""));
		assertEquals(camera.getFullPath().toString(), marker.getAttribute(CarveoutUi.BOARD_ATTRIBUTE, ""));

		// Ctrl+1 on the line: the move fix lands in the overlay's document as one undoable edit.
		ISourceViewer viewer = (ISourceViewer) editor.getAdapter(ITextOperationTarget.class);
		TextInvocationContext caret = new TextInvocationContext(viewer, typed.indexOf(OVERLAPPING_REG), 0);
		Workbench.waitUntil(() -> moveProposal(viewer, caret) != null, () -> "no move proposal; " + allProblems(camera));
		moveProposal(viewer, caret).apply(document);

		assertFalse(document.get().contains(OVERLAPPING_REG), document.get());
		assertFalse(document.get().contains("dsp@84900000"), "the node's unit address moves with it: " + document.get());
		assertTrue(editor.isDirty(), "a fix is an edit of the overlay's document");
		Workbench.waitUntil(() -> overlap(camera) == null, () -> allProblems(camera));
		editor.getAction(ITextEditorActionConstants.UNDO).run();
		assertEquals(typed, document.get(), "one Undo takes the whole fix back");
		Workbench.waitUntil(() -> overlap(camera) != null, () -> allProblems(camera));
	}

	@Test
	void withoutAComposite_theUsersPickInTheMemoryMapViewIsTheBaseAndIsRemembered() throws Exception {
		IFile camera = fixture.write("camera.dtso", CAMERA_DTSO.replace(DSP_NODE, OVERLAPPING_NODE));
		ITextEditor editor = (ITextEditor) IDE.openEditor(page, camera);
		MemoryMapView view = (MemoryMapView) page.showView(MemoryMapView.ID);
		page.activate(editor);
		// Alone, the overlay's fragments have no target: nothing to overlap.
		Workbench.waitUntil(() -> view.getContentDescription().startsWith("camera.dtso: 0 regions"),
				view::getContentDescription);
		assertEquals(List.of(), Workbench.problems(camera, "R8"));

		List<Path> onBoard = List.of(path(fixture.board), path(camera));
		assertEquals(List.of(onBoard, List.of(path(camera))), view.compositeChoices());
		view.chooseComposite(onBoard);

		assertEquals(path(fixture.board) + "\n" + path(camera), camera.getPersistentProperty(OverlayBoards.CHOSEN_COMPOSITE));
		Workbench.waitUntil(() -> overlap(camera) != null, () -> allProblems(camera));
		Workbench.waitUntil(() -> view.getContentDescription().startsWith("board.dts+camera.dtso"), view::getContentDescription);

		// Remembered: closed and opened again, the overlay is checked on the same board.
		page.closeAllEditors(false);
		camera.deleteMarkers(CarveoutUi.PROBLEM_MARKER, false, 0);
		IDE.openEditor(page, camera);
		Workbench.waitUntil(() -> overlap(camera) != null, () -> allProblems(camera));
	}

	/**
	 * The README's picture of the composite's map: the view maximized on the whole screen, its table's columns fitted
	 * to their content and given the width they need (the map the rest), so no column is cut off; then the layout is
	 * put back for the rest of the test.
	 */
	private void screenshot(MemoryMapView view) throws Exception {
		Shell shell = page.getWorkbenchWindow().getShell();
		// Xvfb has no window manager to maximize with: take the whole screen, and all of it for the view.
		shell.setBounds(shell.getDisplay().getPrimaryMonitor().getBounds());
		IWorkbenchPartReference reference = page.getReference(view);
		page.setPartState(reference, IWorkbenchPage.STATE_MAXIMIZED);
		Workbench.processEvents(500);
		Table table = view.tableViewer().getTable();
		int columns = 0;
		for (TableColumn column : table.getColumns()) {
			column.pack();
			columns += column.getWidth();
		}
		SashForm sash = (SashForm) table.getParent();
		int needed = columns + table.computeTrim(0, 0, 0, 0).width + sash.getSashWidth();
		sash.setWeights(Math.max(1, sash.getClientArea().width - needed), needed);
		shell.getDisplay().setCursorLocation(shell.getBounds().x + 5, shell.getBounds().y + shell.getBounds().height - 5);
		Workbench.processEvents(1500);
		assertTrue(table.getClientArea().width >= columns, "the whole table is in the picture: " + columns
				+ " px of columns in " + table.getClientArea().width + " px");
		assertEquals(0, table.getHorizontalBar().getSelection(), "the table is not scrolled sideways");
		Workbench.screenshot(shell, "memory-map-overlay.png");
		page.setPartState(reference, IWorkbenchPage.STATE_RESTORED);
		Workbench.processEvents(500);
	}

	private static ICompletionProposal moveProposal(ISourceViewer viewer, TextInvocationContext caret) {
		ICompletionProposal[] proposals = ((ISourceViewerExtension3) viewer).getQuickAssistAssistant()
				.getQuickAssistProcessor().computeQuickAssistProposals(caret);
		return proposals == null ? null
				: Arrays.stream(proposals).filter(p -> p.getDisplayString().startsWith("Move dsp@84900000")).findFirst()
						.orElse(null);
	}

	private static MapEntry entry(MemoryMapView view, String name) {
		return view.entries().stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
	}

	private static IMarker overlap(IFile overlay) {
		return Workbench.problems(overlay, "R8").stream()
				.filter(m -> m.getAttribute(IMarker.MESSAGE, "").contains("dsp@84900000")).findFirst().orElse(null);
	}

	private static Path path(IFile file) {
		return file.getLocation().toFile().toPath().toAbsolutePath().normalize();
	}

	private String allProblems(IFile overlay) {
		return Workbench.describe(Workbench.problems(overlay)) + " | " + Workbench.allProblems(fixture.project);
	}
}
