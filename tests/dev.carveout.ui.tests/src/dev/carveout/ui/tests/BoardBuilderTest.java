package dev.carveout.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.carveout.ui.CarveoutUi;
import dev.carveout.ui.builder.BoardBuilder;
import dev.carveout.ui.builder.CarveoutNature;

/** The Carveout builder checks the boards of a project with no editor open. */
class BoardBuilderTest {

	private static final String EXTRA_DTSI = """
			&reserved_memory {
				gpu_mem: gpu@8c000000 {
					reg = <0x0 0x8c000000 0x0 0x100000>;
					no-map;
				};
			};
			""";

	private BoardFixture fixture;
	private IFile extra;

	@BeforeEach
	void createProject() throws Exception {
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
		fixture = new BoardFixture("carveout-builder-test");
		extra = fixture.write("extra.dtsi", EXTRA_DTSI);
		// Included last, so its regions come after the board's in the tree and an overlap is reported on the board.
		fixture.board.setContents(new ByteArrayInputStream((BoardFixture.BOARD_DTS + "\n#include \"extra.dtsi\"\n")
				.getBytes(StandardCharsets.UTF_8)), true, false, null);
	}

	@AfterEach
	void deleteProject() throws Exception {
		fixture.delete();
	}

	@Test
	void addingTheNatureInstallsTheBuilderWhichMarksEveryBoard() throws Exception {
		// Whatever builds the new project triggers have run: only then does "no markers" mean "not checked".
		Workbench.waitForBuilds();
		assertTrue(Workbench.problems(fixture.board).isEmpty(), "nothing is checked before the nature is added: " + allProblems());

		CarveoutNature.addTo(fixture.project, null);

		assertTrue(fixture.project.hasNature(CarveoutNature.ID));
		assertTrue(List.of(fixture.project.getDescription().getBuildSpec()).stream()
				.anyMatch(c -> BoardBuilder.ID.equals(c.getBuilderName())), "the nature brings the builder");
		Workbench.waitUntil(() -> Workbench.problems(fixture.board, "R8").size() == 1
				&& Workbench.problems(fixture.soc, "R12").size() == 1, this::allProblems);
		IMarker overlap = Workbench.problems(fixture.board, "R8").get(0);
		assertTrue(overlap.getAttribute(IMarker.MESSAGE, "").contains("video@8b900000"), allProblems());
		assertEquals(fixture.board.getFullPath().toString(), overlap.getAttribute(CarveoutUi.BOARD_ATTRIBUTE, ""));
	}

	@Test
	void changingAnIncludedDtsiOnDiskMarksTheBoardThatIncludesIt() throws Exception {
		CarveoutNature.addTo(fixture.project, null);
		Workbench.waitUntil(() -> Workbench.problems(fixture.board, "R8").size() == 1, this::allProblems);
		Workbench.waitForBuilds();
		assertTrue(gpuOverlaps().isEmpty(), allProblems());

		// gpu moves onto camera@8b700000 (0x8b700000..0x8bbfffff) and video@8b900000: a change of the .dtsi only.
		extra.setContents(new ByteArrayInputStream(EXTRA_DTSI.replace("0x8c000000", "0x8ba00000")
				.getBytes(StandardCharsets.UTF_8)), true, false, null);

		Workbench.waitUntil(() -> gpuOverlaps().size() == 2, this::allProblems);
		for (IMarker marker : gpuOverlaps()) {
			assertEquals(fixture.board, marker.getResource(), "reported on the regions of the board, in board.dts");
		}

		// And back: the builder removes what it no longer finds.
		extra.setContents(new ByteArrayInputStream(EXTRA_DTSI.getBytes(StandardCharsets.UTF_8)), true, false, null);
		Workbench.waitUntil(() -> gpuOverlaps().isEmpty() && Workbench.problems(fixture.board, "R8").size() == 1,
				this::allProblems);
	}

	private List<IMarker> gpuOverlaps() {
		return Workbench.problems(fixture.board, "R8").stream()
				.filter(m -> m.getAttribute(IMarker.MESSAGE, "").contains("gpu@8c000000")
						|| m.getAttribute(IMarker.MESSAGE, "").contains("gpu@8ba00000"))
				.toList();
	}

	private String allProblems() {
		return Workbench.allProblems(fixture.project);
	}
}
