package dev.carveout.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.jface.bindings.TriggerSequence;
import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.SourceViewerConfiguration;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.keys.IBindingService;
import org.eclipse.ui.texteditor.AbstractTextEditor;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.carveout.ui.editor.CarveoutEditor;
import dev.carveout.ui.prefs.CarveoutPreferences;
import dev.carveout.ui.validation.CheckResults;

/**
 * Navigation and editing in the Carveout editor, through the commands its keys are bound to (F3, Ctrl+Space,
 * Ctrl+O, Ctrl+/, Ctrl+Shift+P) and what the user then sees: the editor that opens, the caret, the popups.
 */
class EditorNavigationTest {

	private static final String OPEN_DECLARATION = "dev.carveout.ui.openDeclaration";
	private static final String QUICK_OUTLINE = "dev.carveout.ui.quickOutline";
	private static final String TOGGLE_COMMENT = "dev.carveout.ui.toggleComment";
	private static final String MATCHING_BRACKET = "dev.carveout.ui.gotoMatchingBracket";
	private static final String CONTENT_ASSIST = "org.eclipse.ui.edit.text.contentAssist.proposals";

	private BoardFixture fixture;
	private IWorkbenchPage page;
	private CarveoutEditor editor;
	private IDocument document;
	private Path outside;

	@BeforeEach
	void openBoard() throws Exception {
		fixture = new BoardFixture("carveout-navigation-test");
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IEditorPart part = IDE.openEditor(page, fixture.board);
		editor = assertInstanceOf(CarveoutEditor.class, part);
		document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		// The board has been checked once the overlap shows: its tree and cpp run are there to navigate.
		Workbench.waitUntil(() -> !Workbench.problems(fixture.board, "R8").isEmpty(), () -> "no check of the board yet");
	}

	@AfterEach
	void closeBoard() throws Exception {
		for (Shell shell : Display.getCurrent().getShells()) {
			if (shell != page.getWorkbenchWindow().getShell() && !shell.isDisposed() && shell.isVisible()) {
				shell.close();
			}
		}
		page.closeAllEditors(false);
		fixture.delete();
		if (outside != null) {
			try (Stream<Path> files = Files.walk(outside)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	@Test
	void f3OnALabelReferenceOpensItsDefinitionInTheDtsiAtItsLine() throws Exception {
		page.activate(editor);
		Workbench.waitUntil(() -> "F3".equals(bindings().getBestActiveBindingFormattedFor(OPEN_DECLARATION)),
				() -> "Open Declaration is bound to " + bindings().getBestActiveBindingFormattedFor(OPEN_DECLARATION));
		caretAt(document.get().indexOf("&reserved_memory") + 4);

		execute(OPEN_DECLARATION);

		ITextEditor soc = waitForActiveEditorOn("soc.dtsi");
		assertInstanceOf(CarveoutEditor.class, soc);
		assertEquals(BoardFixture.lineOf(BoardFixture.SOC_DTSI, "reserved_memory: reserved-memory {"), caretLine(soc));
	}

	@Test
	void ctrlClickOnALabelReferenceIsAHyperlinkToItsDefinition() throws Exception {
		ISourceViewer viewer = (ISourceViewer) editor.getAdapter(ITextOperationTarget.class);
		int reference = document.get().indexOf("&reserved_memory");
		List<IHyperlink> links = new ArrayList<>();
		for (IHyperlinkDetector detector : configuration().getHyperlinkDetectors(viewer)) {
			IHyperlink[] found = detector.detectHyperlinks(viewer, new Region(reference + 5, 0), false);
			links.addAll(found == null ? List.of() : List.of(found));
		}
		assertEquals(1, links.size(), links.toString());
		assertEquals(new Region(reference, "&reserved_memory".length()), links.get(0).getHyperlinkRegion());

		links.get(0).open();

		ITextEditor soc = waitForActiveEditorOn("soc.dtsi");
		assertEquals(BoardFixture.lineOf(BoardFixture.SOC_DTSI, "reserved_memory: reserved-memory {"), caretLine(soc));
	}

	@Test
	void f3OnAnIncludeOpensTheIncludedFile() throws Exception {
		page.activate(editor);
		caretAt(document.get().indexOf("#include \"soc.dtsi\"") + 12);

		execute(OPEN_DECLARATION);

		ITextEditor soc = waitForActiveEditorOn("soc.dtsi");
		assertEquals(1, caretLine(soc));
	}

	@Test
	void f3OnAMacroOpensItsDefineInAHeaderOutsideTheWorkspace() throws Exception {
		outside = Files.createTempDirectory("carveout-includes");
		Path header = Files.createDirectories(outside.resolve("dt-bindings")).resolve("board-sizes.h");
		Files.writeString(header, "/* sizes of the test board's carve-outs */\n\n#define CAMERA_SIZE 0x500000\n");
		CarveoutPreferences.project(fixture.project).put(CarveoutPreferences.INCLUDE_PATHS, outside.toString());
		CarveoutPreferences.project(fixture.project).flush();
		replace("#include \"soc.dtsi\"", "#include \"soc.dtsi\"\n#include <dt-bindings/board-sizes.h>");
		replace("0x0 0x8b700000 0x0 0x500000", "0x0 0x8b700000 0x0 CAMERA_SIZE");
		Workbench.waitUntil(() -> CheckResults.latest(fixture.board) != null && CheckResults.latest(fixture.board).files()
				.contains(header.toAbsolutePath().normalize()), () -> "the board's check has not read " + header);
		String hover = hoverAt(document.get().indexOf("CAMERA_SIZE") + 3);
		assertTrue(hover.startsWith("CAMERA_SIZE expands to 0x500000 (#define at board-sizes.h:3)"), hover);
		assertTrue(hover.contains("size 0x500000 (5 MiB)"), "the region's summary follows: " + hover);

		page.activate(editor);
		caretAt(document.get().indexOf("CAMERA_SIZE") + 3);

		execute(OPEN_DECLARATION);

		ITextEditor opened = waitForActiveEditorOn("board-sizes.h");
		assertInstanceOf(IURIEditorInput.class, opened.getEditorInput(), "a file outside the workspace opens from the disk");
		assertEquals(3, caretLine(opened), "the line of #define CAMERA_SIZE");
		ITextSelection selection = (ITextSelection) opened.getSelectionProvider().getSelection();
		assertEquals("CAMERA_SIZE", selection.getText());
	}

	@Test
	void f3OnAnIncludeOfADtsiOutsideTheWorkspaceOpensItInTheCarveoutEditorWithItsStructure() throws Exception {
		outside = Files.createTempDirectory("carveout-includes");
		Files.writeString(outside.resolve("ext.dtsi"), "/ {\n\text_mem: ext@90000000 {\n\t\tno-map;\n\t};\n};\n");
		CarveoutPreferences.project(fixture.project).put(CarveoutPreferences.INCLUDE_PATHS, outside.toString());
		CarveoutPreferences.project(fixture.project).flush();
		replace("#include \"soc.dtsi\"", "#include \"soc.dtsi\"\n#include <ext.dtsi>");
		page.activate(editor);
		caretAt(document.get().indexOf("<ext.dtsi>") + 3);

		execute(OPEN_DECLARATION);

		CarveoutEditor opened = assertInstanceOf(CarveoutEditor.class, waitForActiveEditorOn("ext.dtsi"));
		assertInstanceOf(IURIEditorInput.class, opened.getEditorInput());
		// Not part of the workspace, so never checked, but still read for folding and label colours.
		Workbench.waitUntil(() -> opened.foldingRegionCount() == 2, () -> opened.foldingRegionCount() + " folding regions");
		int label = opened.getDocumentProvider().getDocument(opened.getEditorInput()).get().indexOf("ext_mem:");
		assertEquals("LABEL_DEFINITION", opened.semanticKindAt(label + 1));
	}

	@Test
	void contentAssistAfterAnAmpersandProposesTheBoardsLabelsAndInsertsTheChosenOne() throws Exception {
		String device = "\n/ {\n\tcamera { memory-region = <&>; };\n};\n";
		document.replace(document.getLength(), 0, device);
		page.activate(editor);
		caretAt(document.get().indexOf("<&>") + 2);

		execute(CONTENT_ASSIST);

		Table proposals = waitForPopup(Table.class, table -> itemTexts(table).stream().anyMatch(t -> t.startsWith("camera_mem")));
		List<String> texts = itemTexts(proposals);
		for (String label : List.of("reserved_memory", "cdsp_secure_heap_mem", "wpss_mem", "camera_mem", "video_mem")) {
			assertTrue(texts.stream().anyMatch(t -> t.startsWith(label + " ")), label + " in " + texts);
		}
		int camera = texts.indexOf(texts.stream().filter(t -> t.startsWith("camera_mem ")).findFirst().orElseThrow());
		proposals.setSelection(camera);
		proposals.notifyListeners(SWT.DefaultSelection, new Event());

		Workbench.waitUntil(() -> document.get().contains("memory-region = <&camera_mem>;"), document::get);
	}

	@Test
	void toggleCommentCommentsTheLineOutAndBackIn() throws Exception {
		String original = document.get();
		int model = original.indexOf("model = ");
		page.activate(editor);
		caretAt(model + 2);

		execute(TOGGLE_COMMENT);
		int line = document.getLineOfOffset(model);
		String commented = lineText(line);
		assertTrue(commented.startsWith("//"), commented);
		assertTrue(commented.endsWith("model = \"Carveout Test Board\";"), commented);

		execute(TOGGLE_COMMENT);
		assertEquals(original, document.get());
	}

	@Test
	void nodeBodiesFoldAndBracketsMatch() throws Exception {
		// "/ {...}", "&reserved_memory {...}" and its two carve-outs span several lines each, then a block comment.
		Workbench.waitUntil(() -> editor.foldingRegionCount() == 4, () -> editor.foldingRegionCount() + " folding regions");
		document.replace(0, 0, "/*\n * The test board.\n */\n");
		Workbench.waitUntil(() -> editor.foldingRegionCount() == 5, () -> editor.foldingRegionCount()
				+ " folding regions after a block comment was typed");

		String text = document.get();
		int open = text.indexOf("&reserved_memory {") + "&reserved_memory {".length();
		int close = text.lastIndexOf("};");
		page.activate(editor);
		caretAt(open);
		execute(MATCHING_BRACKET);
		assertEquals(close + 1, caretOffset(), "just after the brace that closes &reserved_memory");
		execute(MATCHING_BRACKET);
		assertEquals(open, caretOffset(), "and back");
	}

	@Test
	void quickOutlineFiltersByLabelAndUnitAddressAndGoesToTheChosenNode() throws Exception {
		page.getWorkbenchWindow().getShell().setMaximized(true);
		page.activate(editor);
		execute(QUICK_OUTLINE);
		Text filter = waitForPopup(Text.class, t -> true);
		Tree tree = (Tree) find(filter.getShell(), Tree.class, t -> true);
		assertTrue(Workbench.texts(tree.getItems()).contains("camera_mem: camera@8b700000"),
				Workbench.texts(tree.getItems()).toString());

		filter.setText("8b9");
		Workbench.waitUntil(() -> Workbench.texts(tree.getItems()).equals(List.of("&reserved_memory", "video_mem: video@8b900000")),
				() -> Workbench.texts(tree.getItems()).toString());
		// Painting is not an end state to wait for: give it a moment, for the picture only.
		Workbench.processEvents(500);
		File png = Workbench.screenshot(page.getWorkbenchWindow().getShell(), "quick-outline.png");
		assertTrue(png.length() > 0, png.toString());
		filter.notifyListeners(SWT.DefaultSelection, new Event());

		Workbench.waitUntil(() -> filter.isDisposed(), () -> "the quick outline is still open");
		assertEquals(document.get().indexOf("video_mem: video@8b900000"), caretSelection().getOffset());
	}

	@Test
	void labelsAndReferencesAreColouredByWhatTheBoardMakesOfThem() throws Exception {
		document.replace(document.getLength(), 0, "\n/ {\n\tcamera { memory-region = <&nowhere_mem>; };\n};\n");
		String text = document.get();
		Workbench.waitUntil(() -> "UNRESOLVED_REFERENCE".equals(editor.semanticKindAt(text.indexOf("&nowhere_mem") + 1)),
				() -> "&nowhere_mem is " + editor.semanticKindAt(text.indexOf("&nowhere_mem") + 1));
		assertEquals("REFERENCE", editor.semanticKindAt(text.indexOf("&reserved_memory") + 1));
		assertEquals("LABEL_DEFINITION", editor.semanticKindAt(text.indexOf("camera_mem:") + 1));
		assertEquals(null, editor.semanticKindAt(text.indexOf("model")));
	}

	@Test
	void theEditorsCommandsHaveTheirKeysInTheCarveoutEditor() throws Exception {
		page.activate(editor);
		Workbench.waitUntil(() -> bindings().getBestActiveBindingFormattedFor(QUICK_OUTLINE) != null,
				() -> "no active binding for Quick Outline");
		// Formal key names (M1 is Ctrl here): the formatted ones differ between platforms.
		Map<String, String> expected = Map.of(OPEN_DECLARATION, "F3", QUICK_OUTLINE, "M1+O", TOGGLE_COMMENT, "M1+/",
				MATCHING_BRACKET, "M1+M2+P");
		for (Map.Entry<String, String> binding : expected.entrySet()) {
			List<TriggerSequence> active = Arrays.asList(bindings().getActiveBindingsFor(binding.getKey()));
			assertTrue(active.contains(KeySequence.getInstance(binding.getValue())), binding.getKey() + " is bound to " + active);
		}
	}

	// ---------------------------------------------------------------- helpers

	/** The editor's text hover at an offset, as the mouse shows it (the configuration is not API: reflection). */
	private String hoverAt(int offset) throws Exception {
		ISourceViewer viewer = (ISourceViewer) editor.getAdapter(ITextOperationTarget.class);
		ITextHover hover = configuration().getTextHover(viewer, IDocument.DEFAULT_CONTENT_TYPE);
		return hover.getHoverInfo(viewer, hover.getHoverRegion(viewer, offset));
	}

	/** The editor's source viewer configuration, which the viewer asks for hovers and hyperlinks (not API: reflection). */
	private SourceViewerConfiguration configuration() throws Exception {
		Method configuration = AbstractTextEditor.class.getDeclaredMethod("getSourceViewerConfiguration");
		configuration.setAccessible(true);
		return (SourceViewerConfiguration) configuration.invoke(editor);
	}

	private void execute(String command) throws Exception {
		editor.getSite().getService(IHandlerService.class).executeCommand(command, null);
	}

	private IBindingService bindings() {
		return PlatformUI.getWorkbench().getService(IBindingService.class);
	}

	private void caretAt(int offset) {
		assertTrue(offset >= 0, "caret position not found in " + document.get());
		editor.selectAndReveal(offset, 0);
	}

	private int caretOffset() {
		return caretSelection().getOffset();
	}

	private ITextSelection caretSelection() {
		return (ITextSelection) editor.getSelectionProvider().getSelection();
	}

	private static int caretLine(ITextEditor editor) {
		return ((ITextSelection) editor.getSelectionProvider().getSelection()).getStartLine() + 1;
	}

	private String lineText(int line) throws Exception {
		return document.get(document.getLineOffset(line), document.getLineLength(line)).strip();
	}

	private void replace(String what, String with) throws Exception {
		int at = document.get().indexOf(what);
		assertTrue(at >= 0, what + " not in " + document.get());
		document.replace(at, what.length(), with);
	}

	private ITextEditor waitForActiveEditorOn(String fileName) {
		Workbench.waitUntil(() -> page.getActiveEditor() != null
				&& page.getActiveEditor().getEditorInput().getName().equals(fileName),
				() -> "active editor: " + (page.getActiveEditor() == null ? null : page.getActiveEditor().getTitle()));
		return assertInstanceOf(ITextEditor.class, page.getActiveEditor());
	}

	/** Waits for a popup shell (not the workbench window) holding a control of the type that passes the test. */
	private <T extends Control> T waitForPopup(Class<T> type, java.util.function.Predicate<T> test) {
		List<T> found = new ArrayList<>();
		Workbench.waitUntil(() -> {
			for (Shell shell : Display.getCurrent().getShells()) {
				if (shell != page.getWorkbenchWindow().getShell() && shell.isVisible()) {
					T control = find(shell, type, test);
					if (control != null) {
						found.add(control);
						return true;
					}
				}
			}
			return false;
		}, () -> "no popup with a " + type.getSimpleName());
		return found.get(0);
	}

	private static <T extends Control> T find(Composite parent, Class<T> type, java.util.function.Predicate<T> test) {
		for (Control child : parent.getChildren()) {
			if (type.isInstance(child) && test.test(type.cast(child))) {
				return type.cast(child);
			}
			if (child instanceof Composite composite) {
				T below = find(composite, type, test);
				if (below != null) {
					return below;
				}
			}
		}
		return null;
	}

	private static List<String> itemTexts(Table table) {
		List<String> texts = new ArrayList<>();
		for (TableItem item : table.getItems()) {
			texts.add(item.getText());
		}
		return texts;
	}
}
