package dev.carveout.ui.editor;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.part.IShowInTargetList;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;

import dev.carveout.ui.map.MemoryMapView;
import dev.carveout.ui.outline.DtsOutlinePage;
import dev.carveout.ui.outline.OutlineBuilder;
import dev.carveout.ui.outline.OutlineElement;
import dev.carveout.ui.validation.BoardValidationJob;
import dev.carveout.ui.validation.CheckResults;

/**
 * The Carveout editor for .dts and .dtsi files: DTS colouring, an outline of the file's nodes, and the
 * board's memory-map problems as markers, checked on open, a moment after typing stops, and on save.
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

	private BoardValidationJob validation;
	private DtsOutlinePage outlinePage;
	private IDocument listenedDocument;
	/**
	 * The document's text as of the last change, taken on the UI thread, for the checking job: asking the UI
	 * thread for it from the job (syncExec) waited behind whatever the UI was doing, half a second on a large file.
	 */
	private volatile String textSnapshot;

	@Override
	protected void initializeEditor() {
		super.initializeEditor();
		setSourceViewerConfiguration(new DtsSourceViewerConfiguration(getPreferenceStore(),
				() -> getEditorInput() == null ? null : getEditorInput().getAdapter(IFile.class)));
	}

	@Override
	protected void doSetInput(IEditorInput input) throws CoreException {
		stopListening();
		if (validation != null) {
			validation.retire();
		}
		super.doSetInput(input);
		IFile file = input == null ? null : input.getAdapter(IFile.class);
		validation = file == null ? null : new BoardValidationJob(file, this::currentText, this::updateOutline);
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

	/** Runs on the validation job's thread: parsing stays there, only the tree update goes to the UI. */
	private void updateOutline(String text) {
		DtsOutlinePage page = outlinePage;
		if (page == null) {
			return;
		}
		List<OutlineElement> elements = OutlineBuilder.build(text);
		Display display = Display.getDefault();
		if (!display.isDisposed()) {
			display.asyncExec(() -> page.setElements(elements));
		}
	}
}
