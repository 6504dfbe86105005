package dev.carveout.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.FileEditorInput;
import org.eclipse.ui.part.IShowInSource;
import org.eclipse.ui.part.IShowInTargetList;
import org.eclipse.ui.part.ShowInContext;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.IViewCategory;
import org.eclipse.ui.views.IViewDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.carveout.ui.map.ExportFormat;
import dev.carveout.ui.map.MapColumn;
import dev.carveout.ui.map.MapEntry;
import dev.carveout.ui.map.MapLayout;
import dev.carveout.ui.map.MemoryMapView;

/** The Memory Map view next to the Carveout editor on the fixture board, driven as a user drives it. */
class MemoryMapViewTest {

	private static final List<String> REGIONS = List.of("cdsp-secure-heap@81800000", "wpss@0x84800000",
			"camera@8b700000", "video@8b900000");

	private BoardFixture fixture;
	private IWorkbenchPage page;
	private ITextEditor editor;
	private MemoryMapView view;
	/** Errors the platform logged meanwhile: an exception while painting the map only shows up there. */
	private final List<IStatus> loggedErrors = new ArrayList<>();
	private final ILogListener errorCollector = (status, plugin) -> {
		if (status.matches(IStatus.ERROR)) {
			loggedErrors.add(status);
		}
	};

	@BeforeEach
	void openBoardAndView() throws Exception {
		Platform.addLogListener(errorCollector);
		fixture = new BoardFixture("carveout-map-test");
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IEditorPart part = IDE.openEditor(page, fixture.board);
		editor = assertInstanceOf(ITextEditor.class, part);
		view = (MemoryMapView) page.showView(MemoryMapView.ID);
		Workbench.waitUntil(() -> rowNames().equals(REGIONS), () -> "rows " + rowNames());
	}

	@AfterEach
	void closeBoard() throws Exception {
		page.hideView(view);
		page.closeAllEditors(false);
		fixture.delete();
		Platform.removeLogListener(errorCollector);
		assertEquals(List.of(), loggedErrors.stream().map(s -> s.getMessage() + " " + s.getException()).toList());
	}

	/** Opening the view (done in openBoardAndView, which activates it) must leave the user's editors alone. */
	@Test
	void openingTheViewSelectsNothingAndOpensNothing() {
		Workbench.processEvents(500);
		assertTrue(view.tableViewer().getStructuredSelection().isEmpty(),
				"selected: " + view.tableViewer().getStructuredSelection());
		assertEquals(List.of(fixture.board.getName()),
				Arrays.stream(page.getEditorReferences()).map(r -> r.getName()).toList(), "the editors open");
		assertEquals(editor, page.getActiveEditor());
	}

	@Test
	void ctrlWheelZoomsTheMapAndFitToWindowTakesItBack() {
		int fitted = view.layout().height();
		int fittedBlock = blockHeight("cdsp-secure-heap@81800000");
		Event wheel = new Event();
		wheel.stateMask = SWT.MOD1;
		wheel.count = 3;
		view.mapCanvas().notifyListeners(SWT.MouseVerticalWheel, wheel);
		view.mapCanvas().notifyListeners(SWT.MouseVerticalWheel, wheel);
		assertTrue(view.zoom() > 1.5, "zoom " + view.zoom());
		// The legend, captions and compressed gaps keep their size: only the covered memory stretches.
		assertTrue(view.layout().height() > fitted, "height " + view.layout().height() + ", fitted " + fitted);
		assertTrue(blockHeight("cdsp-secure-heap@81800000") > fittedBlock, "block " + blockHeight("cdsp-secure-heap@81800000")
				+ ", fitted " + fittedBlock);
		Event plain = new Event();
		plain.count = 3;
		view.mapCanvas().notifyListeners(SWT.MouseVerticalWheel, plain);
		assertTrue(view.zoom() > 1.5, "the plain wheel scrolls, it does not zoom");
		Arrays.stream(view.getViewSite().getActionBars().getToolBarManager().getItems())
				.map(item -> ((ActionContributionItem) item).getAction()).filter(a -> a.getText().equals("Fit to Window"))
				.findFirst().orElseThrow().run();
		assertEquals(fitted, view.layout().height(), "Fit to Window lays the map out for the view's height again");
	}

	private int blockHeight(String name) {
		return view.layout().blocks().stream().filter(b -> b.entry().name().equals(name)).findFirst().orElseThrow().box()
				.height();
	}

	@Test
	void columnsFitTheirContentAndKeepTheWidthTheUserGaveThem() throws Exception {
		Table table = view.tableViewer().getTable();
		org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(table);
		int nameWidth = gc.textExtent("cdsp-secure-heap@81800000").x;
		gc.dispose();
		assertTrue(table.getColumn(MapColumn.NAME.ordinal()).getWidth() >= nameWidth,
				"Name is " + table.getColumn(MapColumn.NAME.ordinal()).getWidth() + " px, its longest text " + nameWidth);

		table.getColumn(MapColumn.LABEL.ordinal()).setWidth(321);
		page.hideView(view);
		view = (MemoryMapView) page.showView(MemoryMapView.ID);
		Workbench.waitUntil(() -> rowNames().equals(REGIONS), () -> "rows " + rowNames());
		assertEquals(321, view.tableViewer().getTable().getColumn(MapColumn.LABEL.ordinal()).getWidth());
	}

	@Test
	void theViewIsACarveoutViewAndTheEditorOffersIt() {
		IViewDescriptor descriptor = PlatformUI.getWorkbench().getViewRegistry().find(MemoryMapView.ID);
		assertNotNull(descriptor);
		assertEquals("Memory Map", descriptor.getLabel());
		IViewCategory[] categories = PlatformUI.getWorkbench().getViewRegistry().getCategories();
		assertTrue(Arrays.stream(categories).anyMatch(
				c -> c.getLabel().equals("Carveout") && Arrays.asList(c.getViews()).contains(descriptor)),
				"in the Carveout category of Show View");
		IShowInTargetList targets = editor.getAdapter(IShowInTargetList.class);
		assertTrue(Arrays.asList(targets.getShowInTargetIds()).contains(MemoryMapView.ID));
	}

	@Test
	void theTableListsTheRegionsOfTheBoardAsTheSourcesDeclareThem() {
		assertEquals(List.of("0x81800000", "0x84800000", "0x8b700000", "0x8b900000"), column(MapColumn.BASE));
		assertEquals(List.of("30 MiB", "25 MiB", "5 MiB", "7 MiB"), column(MapColumn.SIZE));
		assertEquals(List.of("0x835fffff", "0x860fffff", "0x8bbfffff", "0x8bffffff"), column(MapColumn.END));
		assertEquals(List.of("cdsp_secure_heap_mem", "wpss_mem", "camera_mem", "video_mem"), column(MapColumn.LABEL));
		assertEquals("soc.dtsi:" + BoardFixture.lineOf(BoardFixture.SOC_DTSI, "reg = <0x0 0x84800000"),
				column(MapColumn.DEFINED_AT).get(1));
		assertEquals(List.of("no-map", "no-map", "no-map", "no-map"), column(MapColumn.FLAGS));
		assertEquals("R12", column(MapColumn.PROBLEMS).get(1));
	}

	@Test
	void theOverlappingPairIsMarked() {
		MapLayout layout = view.layout();
		assertNotNull(layout);
		assertEquals(1, layout.overlaps().size(), layout.overlaps().toString());
		MapLayout.Overlap overlap = layout.overlaps().get(0);
		assertEquals(List.of("camera@8b700000", "video@8b900000"),
				List.of(overlap.first().name(), overlap.second().name()));
		assertEquals(0x8b900000L, overlap.shared().base());
		assertEquals(0x300000L, overlap.shared().size());
		assertTrue(column(MapColumn.PROBLEMS).get(2).contains("R8"), column(MapColumn.PROBLEMS).toString());
	}

	@Test
	void selectingARowSelectsItsNodeInTheEditor() throws Exception {
		select("video@8b900000");
		int videoLine = BoardFixture.lineOf(BoardFixture.BOARD_DTS, "video_mem: video@8b900000");
		Workbench.waitUntil(() -> selectedLine(editor) == videoLine, () -> "editor selection on line "
				+ selectedLine(editor) + ", expected " + videoLine);

		// A region of the SoC file opens that file at the node; the view keeps showing the board.
		select("wpss@0x84800000");
		int wpssLine = BoardFixture.lineOf(BoardFixture.SOC_DTSI, "wpss_mem: wpss@0x84800000");
		Workbench.waitUntil(() -> page.findEditor(new FileEditorInput(fixture.soc)) != null,
				() -> "soc.dtsi not opened");
		ITextEditor soc = (ITextEditor) page.findEditor(new FileEditorInput(fixture.soc));
		Workbench.waitUntil(() -> selectedLine(soc) == wpssLine, () -> "soc.dtsi selection on line "
				+ selectedLine(soc) + ", expected " + wpssLine);
		page.activate(soc);
		Workbench.processEvents(200);
		assertEquals(fixture.board, view.board(), "an included file keeps the board in the view");
		assertEquals(REGIONS, rowNames());
	}

	@Test
	void clickingTheMapSelectsTheRowAndHoveringTellsWhatOverlaps() throws Exception {
		MapLayout.Block video = view.layout().blocks().stream().filter(b -> b.entry().name().equals("video@8b900000"))
				.findFirst().orElseThrow();
		int x = video.box().x() + video.box().width() / 2;
		int y = video.box().bottom() - 3;
		mouse(SWT.MouseMove, x, y);
		String tooltip = view.mapCanvas().getToolTipText();
		assertTrue(tooltip.contains("base 0x8b900000") && tooltip.contains("size 7 MiB")
				&& tooltip.contains("OVERLAPS camera@8b700000") && tooltip.contains("board.dts:"), tooltip);

		mouse(SWT.MouseDown, x, y);
		assertEquals(video.entry(), view.tableViewer().getStructuredSelection().getFirstElement());
		int videoLine = BoardFixture.lineOf(BoardFixture.BOARD_DTS, "video_mem: video@8b900000");
		Workbench.waitUntil(() -> selectedLine(editor) == videoLine, () -> "editor selection on line "
				+ selectedLine(editor) + ", expected " + videoLine);

		MapLayout.Block wpss = view.layout().blocks().stream().filter(b -> b.entry().name().equals("wpss@0x84800000"))
				.findFirst().orElseThrow();
		mouse(SWT.MouseDoubleClick, wpss.box().x() + 5, wpss.box().y() + 5);
		Workbench.waitUntil(() -> page.getActiveEditor() != null
				&& fixture.soc.equals(page.getActiveEditor().getEditorInput().getAdapter(IFile.class)),
				() -> "active editor " + page.getActiveEditor());
		assertEquals(fixture.board, view.board(), "the SoC file the board includes keeps the board in the view");
	}

	@Test
	void showInFromTheEditorSelectsTheRegionAtTheCaret() throws Exception {
		editor.selectAndReveal(BoardFixture.BOARD_DTS.indexOf("reg = <0x0 0x8b700000"), 0);
		ShowInContext context = editor.getAdapter(IShowInSource.class).getShowInContext();
		assertTrue(view.show(context));
		assertEquals("camera@8b700000", view.tableViewer().getStructuredSelection().getFirstElement() instanceof MapEntry e
				? e.name() : null);
	}

	@Test
	void exportsWriteTheShownMap(@TempDir Path dir) throws Exception {
		String csv = Files.readString(view.export(ExportFormat.CSV, dir.resolve("map.csv")));
		String[] lines = csv.split("\r\n");
		assertEquals(1 + REGIONS.size(), lines.length, csv);
		assertTrue(lines[0].startsWith("Name,Label,Base,End,Size,Kind,Flags,Defined at,Status,Problems"), lines[0]);
		assertTrue(lines[3].startsWith("camera@8b700000,camera_mem,0x8b700000,0x8bbfffff,5 MiB,no-map carve-out,"
				+ "no-map,board.dts:"), lines[3]);
		assertTrue(lines[3].endsWith(",okay,R8,,,5242880,/reserved-memory/camera@8b700000"), lines[3]);

		ImageLoader png = new ImageLoader();
		png.load(view.export(ExportFormat.PNG, dir.resolve("map.png")).toString());
		assertEquals(view.layout().width(), png.data[0].width, "the PNG is the map as drawn, at full size");
		assertEquals(view.layout().height(), png.data[0].height);

		String svg = Files.readString(view.export(ExportFormat.SVG, dir.resolve("map.svg")));
		assertTrue(svg.startsWith("<?xml") && svg.trim().endsWith("</svg>"), svg);
		for (String region : REGIONS) {
			assertTrue(svg.contains(">" + region + "</text>") || svg.contains(">" + region + "  "), region + " in " + svg);
		}
		assertTrue(svg.contains("url(#hatch)"), "the overlap is hatched");
		assertTrue(svg.contains(">0x8b900000</text>"), "the axis names the addresses");

		String markdown = Files.readString(view.export(ExportFormat.MARKDOWN, dir.resolve("map.md")));
		assertTrue(markdown.contains("| video@8b900000 | video_mem | 0x8b900000 | 0x8bffffff | 7 MiB |"), markdown);
	}

	@Test
	void typedRegionsShowWithoutSavingAndTheScreenshotShowsEveryKind() throws Exception {
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		int end = document.get().indexOf(BoardFixture.VIDEO_NODE) + BoardFixture.VIDEO_NODE.length();
		document.replace(end, 0, MORE_REGIONS);
		Workbench.waitUntil(() -> rowNames().contains("linux,cma"), () -> "rows " + rowNames());
		assertEquals(List.of("cdsp-secure-heap@81800000", "wpss@0x84800000", "adsp@86100000", "camera@8b700000",
				"video@8b900000", "qseecom@8c000000", "linux,cma"), rowNames());
		assertEquals(List.of("no-map carve-out", "no-map carve-out", "reserved (mapped)", "no-map carve-out",
				"no-map carve-out", "CMA pool", "CMA pool, placed at boot"), column(MapColumn.KIND));
		// The default pool is drawn where the kernel will put it: top-down in RAM, below 0xc0000000.
		assertEquals("≈0xbe000000", column(MapColumn.BASE).get(6));
		assertEquals("≈0xbfffffff", column(MapColumn.END).get(6));
		assertEquals("32 MiB", column(MapColumn.SIZE).get(6));
		assertEquals(List.of(), view.layout().dynamicBlocks(), "no list under the map");
		MapLayout.Block predicted = view.layout().blocks().stream().filter(b -> b.entry().name().equals("linux,cma"))
				.findFirst().orElseThrow(() -> new AssertionError("linux,cma is not drawn on the map"));
		assertEquals(0xBE00_0000L, predicted.range().base());
		assertTrue(predicted.box().y() > view.layout().blocks().stream().filter(b -> b.entry().name().equals("qseecom@8c000000"))
				.findFirst().orElseThrow().box().bottom(), "below qseecom@8c000000, addresses growing downwards");
		assertTrue(editor.isDirty());

		Shell shell = page.getWorkbenchWindow().getShell();
		// Xvfb has no window manager to maximize with: take the whole screen, and most of it for the view.
		shell.setBounds(shell.getDisplay().getPrimaryMonitor().getBounds());
		Workbench.giveMostOfTheHeightTo(view);
		select("camera@8b700000");
		shell.getDisplay().setCursorLocation(shell.getBounds().x + 5, shell.getBounds().y + shell.getBounds().height - 5);
		Workbench.processEvents(1500);
		File png = Workbench.screenshot(shell, "memory-map.png");
		Path svg = view.export(ExportFormat.SVG, png.toPath().resolveSibling("memory-map.svg"));
		// SWT's own SVG support reads the export back: it is well-formed, and people can look at it as a PNG.
		ImageLoader loader = new ImageLoader();
		try (var in = Files.newInputStream(svg)) {
			loader.load(in);
		}
		loader.save(png.toPath().resolveSibling("memory-map-svg.png").toString(), SWT.IMAGE_PNG);
		assertTrue(png.length() > 0, png.toString());
	}

	/** A mapped carve-out, a fixed CMA pool right after video_mem and the default CMA pool placed at boot. */
	private static final String MORE_REGIONS = """

				adsp_mem: adsp@86100000 {
					reg = <0x0 0x86100000 0x0 0x800000>;
				};

				qseecom_mem: qseecom@8c000000 {
					compatible = "shared-dma-pool";
					reusable;
					reg = <0x0 0x8c000000 0x0 0x1400000>;
				};

				linux,cma {
					compatible = "shared-dma-pool";
					reusable;
					size = <0x0 0x2000000>;
					linux,cma-default;
				};
			""";

	/** Sends the canvas what the mouse would, at layout coordinates. */
	private void mouse(int type, int x, int y) {
		Event event = new Event();
		event.x = x;
		event.y = y;
		event.button = type == SWT.MouseMove ? 0 : 1;
		event.count = type == SWT.MouseDoubleClick ? 2 : 1;
		view.mapCanvas().notifyListeners(type, event);
	}

	private void select(String name) {
		MapEntry entry = view.entries().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
		view.tableViewer().setSelection(new StructuredSelection(entry), true);
	}

	private static int selectedLine(ITextEditor textEditor) {
		return textEditor.getSelectionProvider().getSelection() instanceof ITextSelection s ? s.getStartLine() + 1 : -1;
	}

	private List<String> rowNames() {
		return column(MapColumn.NAME);
	}

	private List<String> column(MapColumn column) {
		Table table = view.tableViewer().getTable();
		List<String> texts = new ArrayList<>();
		for (TableItem item : table.getItems()) {
			texts.add(item.getText(column.ordinal()));
		}
		return texts;
	}
}
