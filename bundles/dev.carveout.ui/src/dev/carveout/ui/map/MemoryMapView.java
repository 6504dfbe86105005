package dev.carveout.ui.map;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ResourceLocator;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.window.Window;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.IShowInTarget;
import org.eclipse.ui.part.ShowInContext;
import org.eclipse.ui.part.ViewPart;

import dev.carveout.dts.check.CheckResult;
import dev.carveout.memmap.SourceRef;
import dev.carveout.memmap.bootlog.BootLogComparison;
import dev.carveout.memmap.bootlog.BootLogDifference;
import dev.carveout.memmap.bootlog.BootLogEvent;
import dev.carveout.memmap.bootlog.BootLogParser;
import dev.carveout.ui.prefs.CarveoutPreferences;
import dev.carveout.ui.editor.CarveoutEditor;
import dev.carveout.ui.validation.BoardChoice;
import dev.carveout.ui.validation.BoardIndex;
import dev.carveout.ui.validation.OverlayBoards;
import dev.carveout.ui.validation.CheckResults;
import dev.carveout.ui.help.HelpContexts;

/**
 * The Memory Map view: the board of the active Carveout editor, as its last check saw it, drawn to scale on
 * the left and listed on the right. Selecting an entry in either half selects it in the other and shows its
 * node in the editor.
 *
 * <p>Activating an editor on a file the shown board includes (its SoC .dtsi, say) keeps the board: that file
 * checked on its own would be a different, partial map.
 */
public final class MemoryMapView extends ViewPart implements IShowInTarget {

	public static final String ID = "dev.carveout.ui.memoryMapView";
	/** The least height an exported SVG is laid out for. */
	private static final int SVG_HEIGHT = 800;

	private final CheckResults.Listener checked = this::checked;
	private final List<IAction> menuActions = new ArrayList<>();
	private final IPartListener2 editorFollower = new IPartListener2() {
		@Override
		public void partActivated(IWorkbenchPartReference ref) {
			if (ref.getPart(false) instanceof CarveoutEditor editor) {
				editorFile = fileOf(editor);
				follow(editor, false);
			}
		}

		@Override
		public void partClosed(IWorkbenchPartReference ref) {
			if (ref.getPart(false) instanceof CarveoutEditor editor && board != null && board.equals(fileOf(editor))
					&& !isOpen(board)) {
				setBoard(null);
			}
		}
	};

	private MapCanvas canvas;
	private EntryTable table;
	private IFile board;
	/** The file of the Carveout editor activated last: a shared .dtsi gets its board chosen for it. */
	private IFile editorFile;
	private CheckResult result;
	private List<MapEntry> entries = List.of();
	/** A kernel boot log laid over the map, and where it came from; null when none is. */
	private List<BootLogEvent> bootLog;
	private String bootLogSource;
	private List<BootLogDifference> bootLogDifferences = List.of();

	@Override
	public void createPartControl(Composite parent) {
		HelpContexts.set(parent, HelpContexts.MEMORY_MAP_VIEW);
		SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
		canvas = new MapCanvas(sash, this::mapClicked, this::open);
		table = new EntryTable(sash, this::tableSelected, this::open);
		sash.setWeights(42, 58);
		// Exports and the boot log are occasional: the view menu, not a toolbar of text buttons.
		for (ExportFormat format : ExportFormat.values()) {
			menuActions.add(new ExportAction(format));
		}
		menuActions.add(action("Open Boot Log…", "boot-log-open.svg",
				"Lay a kernel boot log (dmesg, a serial capture) over the map", this::openBootLogFile));
		menuActions.add(action("Paste Boot Log…", "boot-log-paste.svg",
				"Lay pasted kernel boot log lines over the map", this::pasteBootLog));
		menuActions.add(action("Clear Boot Log", "boot-log-clear.svg", "Take the boot log off the map", this::clearBootLog));
		IToolBarManager toolBar = getViewSite().getActionBars().getToolBarManager();
		toolBar.add(action("Zoom In", "zoom-in.svg", "Stretch the map (Ctrl+wheel)", () -> setZoom(zoom() * MapCanvas.ZOOM_STEP)));
		toolBar.add(action("Zoom Out", "zoom-out.svg", "Shrink the map (Ctrl+wheel)", () -> setZoom(zoom() / MapCanvas.ZOOM_STEP)));
		toolBar.add(action("Fit to Window", "zoom-fit.svg", "Fit the whole map to the view's height", () -> setZoom(1)));
		IMenuManager menu = getViewSite().getActionBars().getMenuManager();
		menu.setRemoveAllWhenShown(true);
		menu.addMenuListener(this::fillMenu);
		CheckResults.addListener(checked);
		getSite().getPage().addPartListener(editorFollower);
		if (getSite().getPage().getActiveEditor() instanceof CarveoutEditor editor) {
			editorFile = fileOf(editor);
			follow(editor, true);
		} else {
			setBoard(null);
		}
	}

	@Override
	public void setFocus() {
		// Not the table: GTK puts the cursor on a focused table's first row and selects it, and a selection
		// shows its node in the editor, so opening the view would select a region and open its file unasked.
		canvas.canvas().setFocus();
	}

	@Override
	public void dispose() {
		CheckResults.removeListener(checked);
		getSite().getPage().removePartListener(editorFollower);
		super.dispose();
	}

	/** The board shown, or null. */
	public IFile board() {
		return board;
	}

	/** The rows shown, in table order. */
	public List<MapEntry> entries() {
		return entries;
	}

	/** The layout the canvas paints now; null while no map is shown. */
	public MapLayout layout() {
		return canvas.layout();
	}

	/** The map's canvas, for tests that click and hover as a user does; its coordinates are the layout's. */
	public Canvas mapCanvas() {
		return canvas.canvas();
	}

	/** How many times taller than fitted the map is drawn; 1 is Fit to Window. */
	public double zoom() {
		return canvas.zoom();
	}

	public void setZoom(double factor) {
		canvas.setZoom(factor);
	}

	/** The table, for tests that select rows as a user does. */
	public TableViewer tableViewer() {
		return table.viewer();
	}

	/** Writes the shown map; what the view menu's export actions do once the user has chosen a file. */
	public Path export(ExportFormat format, Path target) throws IOException {
		if (result == null || canvas.layout() == null) {
			throw new IOException("No memory map to export: open a board in the Carveout editor");
		}
		if (format == ExportFormat.PNG) {
			ImageLoader png = new ImageLoader();
			png.data = new ImageData[] { canvas.snapshot() };
			png.save(target.toString(), SWT.IMAGE_PNG);
			return target;
		}
		String content = switch (format) {
		case CSV -> CsvExport.write(entries);
		case MARKDOWN -> MarkdownExport.write(result.board(), entries);
		// As wide as the view, but never squeezed to a short view's height: the file is read on its own.
		case SVG -> SvgExport.write(MapLayout.compute(result.memoryMap(), entries,
				Math.max(640, canvas.control().getSize().x), Math.max(SVG_HEIGHT, canvas.control().getSize().y),
				TextMeasure.approximate(SvgExport.FONT_PX)), null);
		case PNG -> throw new IllegalStateException("PNG is an image, written above");
		};
		Files.writeString(target, content, StandardCharsets.UTF_8);
		return target;
	}

	/**
	 * Lays a kernel boot log over the map: what the view menu's Open and Paste actions do with the text they got.
	 *
	 * @param source what to call the log (a file name, "pasted log")
	 * @return the differences to the shown board
	 * @throws IllegalArgumentException when the text has no "OF: reserved mem:" region line to compare
	 */
	public List<BootLogDifference> showBootLog(String source, String text) {
		List<BootLogEvent> events = BootLogParser.parse(text);
		if (events.stream().noneMatch(BootLogEvent.Region.class::isInstance)) {
			throw new IllegalArgumentException(source + " has no \"OF: reserved mem: 0x…..0x… (N KiB) …\" line: "
					+ "nothing to compare (Linux 5.10 and later print one per region at boot)");
		}
		bootLog = events;
		bootLogSource = source;
		if (result != null) {
			show(result);
		}
		return bootLogDifferences;
	}

	/** Takes the boot log off the map. */
	public void clearBootLog() {
		bootLog = null;
		bootLogSource = null;
		bootLogDifferences = List.of();
		if (result != null) {
			show(result);
		}
	}

	/** What the laid-over boot log disagrees with; empty without one. */
	public List<BootLogDifference> bootLogDifferences() {
		return bootLogDifferences;
	}

	private void openBootLogFile() {
		FileDialog dialog = new FileDialog(getSite().getShell(), SWT.OPEN);
		dialog.setText("Open Kernel Boot Log");
		dialog.setFilterExtensions(new String[] { "*.log;*.txt;dmesg*", "*" });
		String chosen = dialog.open();
		if (chosen == null) {
			return;
		}
		Path file = Path.of(chosen);
		try {
			showBootLogReporting(file.getFileName().toString(),
					new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
		} catch (IOException e) {
			MessageDialog.openError(getSite().getShell(), "Boot Log", "Cannot read " + file + ": " + e);
		}
	}

	private void pasteBootLog() {
		BootLogDialog dialog = new BootLogDialog(getSite().getShell());
		if (dialog.open() == Window.OK) {
			showBootLogReporting("pasted log", dialog.log());
		}
	}

	private void showBootLogReporting(String source, String text) {
		if (result == null) {
			MessageDialog.openInformation(getSite().getShell(), "Boot Log",
					"Open a board in the Carveout editor first: the boot log is compared with its memory map.");
			return;
		}
		try {
			showBootLog(source, text);
		} catch (IllegalArgumentException e) {
			MessageDialog.openWarning(getSite().getShell(), "Boot Log", e.getMessage());
		}
	}

	/**
	 * The boards the last activated editor's file may be shown for: the boards that include it, when it is a
	 * .dtsi or header that more than one board includes; empty otherwise.
	 */
	public List<IFile> boardChoices() {
		if (editorFile == null || BoardIndex.isBoard(editorFile)) {
			return List.of();
		}
		List<IFile> includers = BoardIndex.includers(editorFile);
		return includers.size() > 1 ? includers : List.of();
	}

	/** Shows the last activated editor's shared file for {@code chosen}, remembered: what the view menu does. */
	public void chooseBoard(IFile chosen) {
		IFile shared = editorFile;
		try {
			BoardChoice.choose(shared, chosen);
		} catch (CoreException e) {
			MessageDialog.openError(getSite().getShell(), "Memory Map", "Cannot remember the board of " + shared.getName()
					+ ": " + e.getMessage());
			return;
		}
		setBoard(shared);
	}

	/**
	 * The composites the last activated editor's overlay (.dtso) may be shown in, base first: the Makefile's, then
	 * the overlay on each board of its project, then alone; empty for any other file.
	 */
	public List<List<Path>> compositeChoices() {
		try {
			return editorFile == null ? List.of() : OverlayBoards.choices(editorFile);
		} catch (CoreException e) {
			return List.of();
		}
	}

	/** Shows and checks the last activated editor's overlay in {@code parts}, remembered: what the view menu does. */
	public void chooseComposite(List<Path> parts) {
		IFile overlay = editorFile;
		try {
			BoardChoice.chooseComposite(overlay, parts);
		} catch (CoreException e) {
			MessageDialog.openError(getSite().getShell(), "Memory Map", "Cannot remember the board of " + overlay.getName()
					+ ": " + e.getMessage());
			return;
		}
		setBoard(overlay);
	}

	/** The actions of the view menu besides the board choice, in menu order: exports, then the boot log. */
	public List<IAction> menuActions() {
		return List.copyOf(menuActions);
	}

	private void fillMenu(IMenuManager menu) {
		menuActions.stream().filter(ExportAction.class::isInstance).forEach(menu::add);
		menu.add(new Separator());
		menuActions.stream().filter(a -> !(a instanceof ExportAction)).forEach(menu::add);
		fillBoardMenu(menu);
	}

	private void fillBoardMenu(IMenuManager menu) {
		fillCompositeMenu(menu);
		List<IFile> choices = boardChoices();
		if (choices.isEmpty()) {
			return;
		}
		IFile owner = BoardIndex.ownerOf(editorFile);
		menu.add(new Separator());
		MenuManager boards = new MenuManager("Show " + editorFile.getName() + " for Board");
		for (IFile choice : choices) {
			Action action = new Action(choice.getFullPath().makeRelative().toString(), IAction.AS_RADIO_BUTTON) {
				@Override
				public void run() {
					chooseBoard(choice);
				}
			};
			action.setChecked(choice.equals(owner));
			boards.add(action);
		}
		menu.add(boards);
	}

	private void fillCompositeMenu(IMenuManager menu) {
		List<List<Path>> choices = compositeChoices();
		if (choices.isEmpty()) {
			return;
		}
		List<Path> current = OverlayBoards.partsOf(editorFile);
		menu.add(new Separator());
		MenuManager composites = new MenuManager("Show " + editorFile.getName() + " on Board");
		for (List<Path> choice : choices) {
			Action action = new Action(OverlayBoards.nameOf(choice), IAction.AS_RADIO_BUTTON) {
				@Override
				public void run() {
					chooseComposite(choice);
				}
			};
			action.setChecked(choice.equals(current));
			composites.add(action);
		}
		menu.add(composites);
	}

	@Override
	public boolean show(ShowInContext context) {
		IFile file = context.getInput() instanceof IEditorInput input ? input.getAdapter(IFile.class)
				: null;
		if (file == null) {
			return false;
		}
		if (!isIncludedByBoard(file)) {
			setBoard(file);
		}
		if (context.getSelection() instanceof ITextSelection selection) {
			MapEntry entry = entryAt(file, selection.getOffset());
			if (entry != null) {
				canvas.setSelection(entry);
				table.select(entry);
			}
		}
		return true;
	}

	private void follow(IEditorPart editor, boolean force) {
		IFile file = fileOf(editor);
		if (file == null || file.equals(board) || (!force && isIncludedByBoard(file))) {
			return;
		}
		setBoard(file);
	}

	/** A file the shown board reads keeps it shown; a board (the base of a shown overlay, say) shows itself. */
	private boolean isIncludedByBoard(IFile file) {
		return result != null && file.getLocation() != null && !BoardIndex.isBoard(file)
				&& result.files().contains(file.getLocation().toFile().toPath().toAbsolutePath().normalize());
	}

	private void setBoard(IFile file) {
		board = file;
		result = null;
		entries = List.of();
		table.setInput(entries);
		if (file == null) {
			setContentDescription("");
			canvas.showMessage("Open a board (.dts) in the Carveout editor to see its memory map.");
			return;
		}
		CheckResult latest = CheckResults.latest(file);
		if (latest != null) {
			show(latest);
		} else {
			setContentDescription(file.getName() + ": checking…");
			canvas.showMessage("Checking " + file.getName() + "…");
		}
	}

	private void checked(IFile checkedBoard, CheckResult newResult) {
		if (checkedBoard.equals(board) && !table.viewer().getControl().isDisposed()) {
			show(newResult);
		}
	}

	private void show(CheckResult newResult) {
		MapEntry selected = table.selection();
		result = newResult;
		entries = MapEntries.of(newResult.memoryMap(), newResult.findings(),
				CarveoutPreferences.settingsFor(board.getProject()).profile(), newResult.parts());
		String bootLogNote = "";
		if (bootLog != null && newResult.memoryMap() != null) {
			bootLogDifferences = BootLogComparison.differences(newResult.memoryMap(),
					CarveoutPreferences.settingsFor(board.getProject()).profile(), bootLog);
			entries = MapEntries.withBootLog(entries, bootLogDifferences);
			bootLogNote = String.format("; boot log %s: %s", bootLogSource, bootLogDifferences.isEmpty()
					? "as declared" : bootLogDifferences.size() + " difference(s)");
		}
		table.setInput(entries);
		canvas.setInput(newResult.memoryMap(), entries);
		String shown = newResult.isComposite() ? OverlayBoards.nameOf(newResult.parts())
				: board.getLocation() != null && !newResult.board().equals(BoardIndex.pathOf(board))
						? board.getName() + " in " + newResult.board().getFileName() : board.getName();
		setContentDescription(String.format("%s: %d regions, checked at %s%s", shown, entries.size(),
				LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")), bootLogNote));
		// The check made new entries; keep the same node selected across it.
		MapEntry same = selected == null ? null
				: entries.stream().filter(e -> e.path().equals(selected.path())).findFirst().orElse(null);
		canvas.setSelection(same);
		table.select(same);
	}

	private void mapClicked(MapEntry entry) {
		table.select(entry);
		tableSelected(entry);
	}

	/** A row or a block was selected: mark it in both halves and show its node, keeping the focus here. */
	private void tableSelected(MapEntry entry) {
		canvas.setSelection(entry);
		if (entry != null) {
			reveal(entry, false);
		}
	}

	private void open(MapEntry entry) {
		reveal(entry, true);
	}

	private void reveal(MapEntry entry, boolean activate) {
		try {
			SourceReveal.reveal(getSite().getPage(), entry.node(), activate);
		} catch (PartInitException e) {
			MessageDialog.openError(getSite().getShell(), "Memory Map", "Cannot open " + entry.node().file() + ": "
					+ e.getMessage());
		}
	}

	/** The entry whose node contains an offset of a file, innermost first. */
	private MapEntry entryAt(IFile file, int offset) {
		if (file.getLocation() == null) {
			return null;
		}
		Path path = file.getLocation().toFile().toPath().toAbsolutePath().normalize();
		MapEntry best = null;
		for (MapEntry entry : entries) {
			SourceRef node = entry.node();
			if (node.isKnown() && path.equals(node.file().toAbsolutePath().normalize()) && node.offset() <= offset
					&& offset <= node.offset() + node.length() && (best == null || node.length() < best.node().length())) {
				best = entry;
			}
		}
		return best;
	}

	private boolean isOpen(IFile file) {
		for (var ref : getSite().getPage().getEditorReferences()) {
			if (ref.getPart(false) instanceof CarveoutEditor editor && file.equals(fileOf(editor))) {
				return true;
			}
		}
		return false;
	}

	private static Action action(String text, String icon, String tooltip, Runnable run) {
		Action action = new Action(text, icon(icon)) {
			@Override
			public void run() {
				run.run();
			}
		};
		action.setToolTipText(tooltip);
		return action;
	}

	private static ImageDescriptor icon(String name) {
		return ResourceLocator.imageDescriptorFromBundle(MemoryMapView.class, "icons/" + name).orElse(null);
	}

	private static IFile fileOf(IEditorPart editor) {
		return editor.getEditorInput() == null ? null : editor.getEditorInput().getAdapter(IFile.class);
	}

	/** Asks where to write, then exports. */
	private final class ExportAction extends Action {
		private final ExportFormat format;

		ExportAction(ExportFormat format) {
			super(format.actionText(), icon("export.svg"));
			this.format = format;
			setToolTipText(format.actionText() + " of the shown memory map");
		}

		@Override
		public void run() {
			if (result == null) {
				MessageDialog.openInformation(getSite().getShell(), getText(), "There is no memory map to export yet.");
				return;
			}
			FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
			dialog.setOverwrite(true);
			dialog.setFilterExtensions(new String[] { "*." + format.extension() });
			String name = board.getName();
			dialog.setFileName(name.substring(0, name.lastIndexOf('.') < 0 ? name.length() : name.lastIndexOf('.'))
					+ "-memory-map." + format.extension());
			String chosen = dialog.open();
			if (chosen == null) {
				return;
			}
			try {
				export(format, Path.of(chosen));
			} catch (IOException e) {
				MessageDialog.openError(getSite().getShell(), getText(), "Cannot write " + chosen + ": " + e.getMessage());
			}
		}
	}
}
