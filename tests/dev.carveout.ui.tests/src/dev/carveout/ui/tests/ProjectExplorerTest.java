package dev.carveout.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.navigator.CommonNavigator;
import org.eclipse.ui.navigator.CommonViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.carveout.dts.check.SourceTree;
import dev.carveout.ui.wizards.TreeProjects;

/**
 * The Project Explorer lists an imported tree's boards by vendor under a "Boards" node; a project that is not
 * Carveout's gets no such node.
 */
class ProjectExplorerTest {

	private final List<IProject> projects = new ArrayList<>();
	private Path tree;
	private IWorkbenchPage page;
	private CommonViewer viewer;

	@BeforeEach
	void showExplorer() throws Exception {
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		page.closeAllEditors(false);
		viewer = ((CommonNavigator) page.showView(IPageLayout.ID_PROJECT_EXPLORER)).getCommonViewer();
	}

	@AfterEach
	void deleteProjects() throws Exception {
		Workbench.waitForChecks();
		for (IProject project : projects) {
			project.delete(true, true, null);
		}
		if (tree != null) {
			try (Stream<Path> walk = Files.walk(tree)) {
				for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(p);
				}
			}
		}
	}

	@Test
	void anImportedTreeListsItsBoardsByVendorAndAPlainProjectHasNoBoardsNode() throws Exception {
		tree = Files.createTempDirectory("carveout-boards");
		Files.writeString(tree.resolve("Makefile"), "VERSION = 6\nPATCHLEVEL = 12\nSUBLEVEL = 0\n");
		Map<String, List<String>> boardsByFolder = new LinkedHashMap<>();
		boardsByFolder.put("arch/arm64/boot/dts/qcom", List.of("qcm6490-idp.dts", "apq8016-sbc.dts"));
		boardsByFolder.put("arch/arm64/boot/dts/rockchip", List.of("rk3399-rock-pi-4a.dts"));
		boardsByFolder.put("arch/arm/boot/dts/qcom", List.of("qcom-apq8064-ifc6410.dts"));
		boardsByFolder.put("arch/arm/boot/dts", List.of("old-layout-board.dts"));
		for (var folder : boardsByFolder.entrySet()) {
			for (String board : folder.getValue()) {
				write(folder.getKey() + "/" + board, "/dts-v1/;\n/ { };\n");
			}
		}
		write("arch/arm64/boot/dts/qcom/sc7280.dtsi", "/ { };\n"); // included by boards, not one itself
		write("include/dt-bindings/gpio/gpio.h", "#define GPIO_ACTIVE_HIGH 0\n");

		IProject imported = TreeProjects.create(new TreeProjects.Request("carveout-boards-test", SourceTree.inspect(tree), "arm64", false), null);
		projects.add(imported);
		BoardFixture plain = new BoardFixture("carveout-plain-dts-test");
		projects.add(plain.project);

		viewer.refresh();
		viewer.expandToLevel(imported, 3);
		Workbench.processEvents(200);
		TreeItem boards = child(item(imported), "Boards");
		Map<String, List<String>> shown = new LinkedHashMap<>();
		for (TreeItem vendor : boards.getItems()) {
			viewer.expandToLevel(vendor.getData(), 1);
			Workbench.processEvents(50);
			shown.put(vendor.getText(), Arrays.stream(vendor.getItems())
					.map(i -> ((IFile) i.getData()).getProjectRelativePath().toString()).toList());
		}
		Map<String, List<String>> expected = new LinkedHashMap<>();
		// by vendor, then architecture; boards by name; the arch is named because the project has two
		expected.put("(no vendor folder) (arm, 1)", List.of("arch/arm/boot/dts/old-layout-board.dts"));
		expected.put("qcom (arm, 1)", List.of("arch/arm/boot/dts/qcom/qcom-apq8064-ifc6410.dts"));
		expected.put("qcom (arm64, 2)", List.of("arch/arm64/boot/dts/qcom/apq8016-sbc.dts", "arch/arm64/boot/dts/qcom/qcm6490-idp.dts"));
		expected.put("rockchip (arm64, 1)", List.of("arch/arm64/boot/dts/rockchip/rk3399-rock-pi-4a.dts"));
		assertEquals(expected, shown);

		viewer.expandToLevel(plain.project, 1);
		Workbench.processEvents(200);
		List<String> plainChildren = Arrays.stream(item(plain.project).getItems()).map(TreeItem::getText).toList();
		assertFalse(plainChildren.contains("Boards"), "a project neither imported nor with the nature: " + plainChildren);
	}

	private void write(String relative, String text) throws IOException {
		Path file = tree.resolve(relative);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}

	private TreeItem item(IProject project) {
		for (TreeItem item : viewer.getTree().getItems()) {
			if (project.equals(item.getData())) {
				return item;
			}
		}
		throw new AssertionError(project.getName() + " not in the Project Explorer: " + Workbench.texts(viewer.getTree().getItems()));
	}

	private static TreeItem child(TreeItem parent, String text) {
		return Arrays.stream(parent.getItems()).filter(i -> text.equals(i.getText())).findFirst()
				.orElseThrow(() -> new AssertionError("no '" + text + "' under " + parent.getText() + ": "
						+ Arrays.stream(parent.getItems()).map(TreeItem::getText).toList()));
	}
}
