package dev.carveout.ui.editor;


import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.PreferenceConverter;
import org.eclipse.jface.preference.PreferenceStore;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.IVerticalRuler;
import org.eclipse.jface.text.source.projection.ProjectionSupport;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.part.IShowInTargetList;
import org.eclipse.ui.texteditor.ChainedPreferenceStore;
import org.eclipse.ui.texteditor.SourceViewerDecorationSupport;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;

import dev.carveout.ui.map.MemoryMapView;
import dev.carveout.ui.outline.DtsOutlinePage;
import dev.carveout.ui.validation.BoardValidationJob;
import dev.carveout.ui.validation.CheckResults;
import dev.carveout.ui.validation.ContainedCheck;
import dev.carveout.ui.help.HelpContexts;

/**
 * The Carveout editor for .dts and .dtsi files: DTS colouring (syntactic, and semantic for labels and
 * references), an outline of the file's nodes, folding, matching brackets, and the board's memory-map problems as
 * markers, checked on open, a moment after typing stops, and on save. Its commands (F3, Ctrl+O, Ctrl+/,
 * Ctrl+Shift+P) are bound in its own key binding context.
 */
public final class CarveoutEditor extends TextEditor {

	private final IDocumentListener typingListener = new IDocumentListener() {
		@Override
		public void documentAboutToBeChanged(DocumentEvent event) {
		}

		@Override
		public void documentChanged(DocumentEvent event) {
			textSnapshot = event.getDocument().get();
			checkAfter(BoardValidationJob.TYPING_DELAY_MS);
		}
	};

	/** The key binding context of the editor's commands (F3, Ctrl+O, Ctrl+/, Ctrl+Shift+P), declared in plugin.xml. */
	public static final String CONTEXT_ID = "dev.carveout.ui.editorContext";

	private static final String MATCHING_BRACKETS = "dev.carveout.ui.matchingBrackets";
	private static final String MATCHING_BRACKETS_COLOR = "dev.carveout.ui.matchingBracketsColor";

	private BoardValidationJob validation;
	private final Job structureOnly = Job.createSystem("Reading the structure of a DTS file", monitor -> {
		String text = currentText();
		if (text != null && !monitor.isCanceled()) {
			try {
				textChecked(text);
			} catch (Throwable failure) {
				// The outline, folding and colours stay as they were; the board's check marks what the parse chokes on.
				ContainedCheck.logged(getTitle(), failure);
			}
		}
	});
	private DtsOutlinePage outlinePage;
	private IDocument listenedDocument;
	private Folding folding;
	private SemanticHighlighter semanticHighlighter;
	private final CheckResults.Listener checkListener = (board, result) -> {
		if (semanticHighlighter != null && board.equals(editedFile())) {
			// A composite's tree holds the overlay's labels only as /__symbols__: leave an overlay's labels unjudged.
			boolean wholeBoard = result.board().getFileName().toString().endsWith(".dts") && !result.isComposite();
			semanticHighlighter.treeChanged(wholeBoard ? result.tree() : null);
		}
	};
	/**
	 * The document's text as of the last change, taken on the UI thread, for the checking job: asking the UI
	 * thread for it from the job (syncExec) waited behind whatever the UI was doing, half a second on a large file.
	 */
	private volatile String textSnapshot;

	@Override
	protected void initializeEditor() {
		super.initializeEditor();
		setPreferenceStore(new ChainedPreferenceStore(new IPreferenceStore[] { editorDefaults(), getPreferenceStore() }));
		setSourceViewerConfiguration(new DtsSourceViewerConfiguration(getPreferenceStore(), this::editedFile,
				this::getEditorInput));
		setHelpContextId(HelpContexts.EDITOR);
	}

	/** Bracket highlighting is on, in the platform's bracket grey, until a preference says otherwise. */
	private static IPreferenceStore editorDefaults() {
		PreferenceStore defaults = new PreferenceStore();
		defaults.setDefault(MATCHING_BRACKETS, true);
		PreferenceConverter.setDefault(defaults, MATCHING_BRACKETS_COLOR, new RGB(128, 128, 128));
		return defaults;
	}

	@Override
	protected void initializeKeyBindingScopes() {
		setKeyBindingScopes(new String[] { CONTEXT_ID });
	}

	@Override
	protected ISourceViewer createSourceViewer(Composite parent, IVerticalRuler ruler, int styles) {
		ProjectionViewer viewer = new ProjectionViewer(parent, ruler, getOverviewRuler(), isOverviewRulerVisible(), styles);
		getSourceViewerDecorationSupport(viewer);
		return viewer;
	}

	@Override
	public void createPartControl(Composite parent) {
		super.createPartControl(parent);
		ProjectionViewer viewer = (ProjectionViewer) getSourceViewer();
		ProjectionSupport projection = new ProjectionSupport(viewer, getAnnotationAccess(), getSharedColors());
		projection.install();
		viewer.doOperation(ProjectionViewer.TOGGLE);
		folding = new Folding(viewer.getProjectionAnnotationModel());
		semanticHighlighter = new SemanticHighlighter(viewer);
		CheckResults.addListener(checkListener);
		// The check that doSetInput scheduled may have finished before the viewer existed.
		checkAfter(0);
	}

	@Override
	protected void configureSourceViewerDecorationSupport(SourceViewerDecorationSupport support) {
		super.configureSourceViewerDecorationSupport(support);
		support.setCharacterPairMatcher(DtsBrackets.matcher());
		support.setMatchingCharacterPainterPreferenceKeys(MATCHING_BRACKETS, MATCHING_BRACKETS_COLOR);
	}

	/** The number of regions that fold now: node bodies and block comments over several lines. */
	public int foldingRegionCount() {
		return folding == null ? 0 : folding.count();
	}

	/** How the labels and references at a document offset are coloured, by name of its kind, or null. */
	public String semanticKindAt(int offset) {
		SemanticHighlighter.Kind kind = semanticHighlighter == null ? null : semanticHighlighter.kindAt(offset);
		return kind == null ? null : kind.name();
	}

	private IFile editedFile() {
		return getEditorInput() == null ? null : getEditorInput().getAdapter(IFile.class);
	}

	@Override
	protected void doSetInput(IEditorInput input) throws CoreException {
		stopListening();
		if (validation != null) {
			validation.retire();
		}
		super.doSetInput(input);
		IFile file = input == null ? null : input.getAdapter(IFile.class);
		// The outline's parse runs in its own job after each check: on the checking job it held back the next
		// check (a 180 KB SoC file takes tens of milliseconds to parse again).
		validation = file == null ? null : new BoardValidationJob(file, this::currentText, text -> structureOnly.schedule());
		listenedDocument = getDocumentProvider().getDocument(input);
		if (listenedDocument != null) {
			textSnapshot = listenedDocument.get();
			listenedDocument.addDocumentListener(typingListener);
		}
		checkAfter(0);
	}

	@Override
	protected void editorSaved() {
		super.editorSaved();
		checkAfter(0);
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		if (adapter == IContentOutlinePage.class) {
			if (outlinePage == null || outlinePage.getControl() == null || outlinePage.getControl().isDisposed()) {
				outlinePage = new DtsOutlinePage(this::selectAndReveal);
				// A new page starts empty; fill it from the text now rather than wait for the next keystroke.
				checkAfter(0);
			}
			return adapter.cast(outlinePage);
		}
		if (adapter == IShowInTargetList.class) {
			return adapter.cast((IShowInTargetList) () -> new String[] { MemoryMapView.ID, IPageLayout.ID_OUTLINE });
		}
		return super.getAdapter(adapter);
	}

	@Override
	public void dispose() {
		CheckResults.removeListener(checkListener);
		structureOnly.cancel();
		if (semanticHighlighter != null) {
			semanticHighlighter.dispose();
		}
		boolean closedWithUnsavedChanges = isDirty();
		stopListening();
		IFile file = getEditorInput() == null ? null : getEditorInput().getAdapter(IFile.class);
		if (file != null) {
			CheckResults.forget(file);
		}
		if (validation != null) {
			if (closedWithUnsavedChanges) {
				// The markers describe text that was just thrown away; check the file as saved instead.
				validation.checkAfter(0);
			} else {
				validation.cancel();
			}
			validation.retire();
		}
		super.dispose();
	}

	private void checkAfter(long delayMs) {
		if (validation != null) {
			validation.checkAfter(delayMs);
		} else if (getEditorInput() != null) {
			// A file outside the workspace (opened by F3 into a kernel tree) is not checked, but still gets its
			// outline, folding and label colours.
			structureOnly.cancel();
			structureOnly.schedule(delayMs);
		}
	}

	private void stopListening() {
		if (listenedDocument != null) {
			listenedDocument.removeDocumentListener(typingListener);
			listenedDocument = null;
			textSnapshot = null;
		}
	}

	/** Runs on the validation job's thread; null once the editor no longer listens (closed, or another input). */
	private String currentText() {
		return textSnapshot;
	}

	/**
	 * Runs on the validation job's thread with the text being checked: parsing stays there; the outline, folding
	 * and colouring are updated on the UI thread, and only if the text has not changed since (the next check
	 * brings the next update).
	 */
	private void textChecked(String text) {
		FileStructure structure = FileStructure.of(text);
		Display display = Display.getDefault();
		if (!display.isDisposed()) {
			display.asyncExec(() -> {
				if (listenedDocument == null || !text.equals(listenedDocument.get())) {
					return;
				}
				DtsOutlinePage page = outlinePage;
				if (page != null) {
					page.setElements(structure.outline());
				}
				if (folding != null) {
					folding.update(structure.folds());
					semanticHighlighter.marksChanged(structure.marks());
				}
			});
		}
	}
}
