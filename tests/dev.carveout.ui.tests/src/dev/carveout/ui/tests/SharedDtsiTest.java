package dev.carveout.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.carveout.ui.CarveoutUi;
import dev.carveout.ui.builder.CarveoutNature;
import dev.carveout.ui.map.MemoryMapView;
import dev.carveout.ui.validation.BoardIndex;

/** A SoC .dtsi that two boards include shows the problems of the board the user chose for it. */
class SharedDtsiTest {

	/** A second board on the SoC whose gpu carve-out lands inside the SoC's wpss region. */
	private static final String OTHER_DTS = """
			/dts-v1/;

			#include "soc.dtsi"

			&reserved_memory {
				gpu_mem: gpu@84900000 {
					reg = <0x0 0x84900000 0x0 0x100000>;
					no-map;
				};
			};
			""";

	private BoardFixture fixture;
	private IFile other;
	private IWorkbenchPage page;

	@BeforeEach
	void createProject() throws Exception {
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		page.closeAllEditors(false);
		fixture = new BoardFixture("carveout-shared-test");
		other = fixture.write("other.dts", OTHER_DTS);
		CarveoutNature.addTo(fixture.project, null);
		Workbench.waitUntil(() -> BoardIndex.includers(fixture.soc).size() == 2, this::allProblems);
	}

	@AfterEach
	void deleteProject() throws Exception {
		page.closeAllEditors(false);
		fixture.delete();
	}

	@Test
	void theDtsiShowsTheChosenBoardAndItsEditorChecksThatBoardWithItsUnsavedText() throws Exception {
		// By default the first board by path owns the shared file: board.dts, which has no gpu.
		Workbench.waitUntil(() -> Workbench.problems(fixture.soc, "R12").size() == 1, this::allProblems);
		assertEquals(fixture.board.getFullPath().toString(),
				Workbench.problems(fixture.soc, "R12").get(0).getAttribute(CarveoutUi.BOARD_ATTRIBUTE, ""));
		assertTrue(gpuOverlaps().isEmpty(), "one board's problems only: " + allProblems());

		ITextEditor editor = (ITextEditor) IDE.openEditor(page, fixture.soc);
		MemoryMapView view = (MemoryMapView) page.showView(MemoryMapView.ID);
		page.activate(editor);
		assertEquals(List.of(fixture.board, other), view.boardChoices(), "the view offers both boards");

		view.chooseBoard(other);

		assertEquals(other.getFullPath().toString(), fixture.soc.getPersistentProperty(BoardIndex.CHOSEN_BOARD),
				"the choice is remembered with the file");
		Workbench.waitUntil(() -> gpuOverlaps().size() == 1 && Workbench.problems(fixture.soc, "R12").size() == 1
				&& Workbench.problems(fixture.soc).stream().allMatch(m -> other.getFullPath().toString()
						.equals(m.getAttribute(CarveoutUi.BOARD_ATTRIBUTE, ""))), this::allProblems);
		Workbench.waitUntil(() -> view.entries().stream().anyMatch(e -> e.name().equals("gpu@84900000")),
				() -> "map of " + view.entries());

		// Typing in the .dtsi (not saved) checks other.dts with the new text: wpss shrinks below the gpu.
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		String text = document.get();
		String wpssReg = "reg = <0x0 0x84800000 0x0 0x1900000>;";
		document.replace(text.indexOf(wpssReg), wpssReg.length(), "reg = <0x0 0x84800000 0x0 0x100000>;");

		Workbench.waitUntil(() -> gpuOverlaps().isEmpty() && Workbench.problems(fixture.soc, "R12").size() == 1,
				this::allProblems);
		assertTrue(editor.isDirty(), "checked from the editor, not from disk");
	}

	private List<IMarker> gpuOverlaps() {
		return Workbench.problems(fixture.soc, "R8").stream()
				.filter(m -> m.getAttribute(IMarker.MESSAGE, "").contains("gpu@84900000")).toList();
	}

	private String allProblems() {
		return Workbench.allProblems(fixture.project);
	}
}
