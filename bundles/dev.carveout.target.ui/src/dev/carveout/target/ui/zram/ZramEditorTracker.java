package dev.carveout.target.ui.zram;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWindowListener;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * Markers while typing: a text editor open on a zram configuration has its document re-checked shortly after each
 * change, unsaved content included ({@link ZramConfigMarkers} takes over again on save).
 */
final class ZramEditorTracker implements IWindowListener, IPartListener2 {

	/** Typing pauses this long before a check: one parse per burst of keys, not per key. */
	private static final long DELAY_MS = 300;

	void install(IWorkbench workbench) {
		workbench.addWindowListener(this);
		for (IWorkbenchWindow window : workbench.getWorkbenchWindows()) {
			windowOpened(window);
		}
	}

	@Override
	public void windowOpened(IWorkbenchWindow window) {
		window.getPartService().addPartListener(this);
		if (window.getActivePage() != null) {
			for (var ref : window.getActivePage().getEditorReferences()) {
				partOpened(ref);
			}
		}
	}

	@Override
	public void partOpened(IWorkbenchPartReference ref) {
		IWorkbenchPart part = ref.getPart(false);
		if (!(part instanceof ITextEditor editor)) {
			return;
		}
		IFile file = Adapters.adapt(editor.getEditorInput(), IFile.class);
		IDocument document = editor.getDocumentProvider() == null ? null
				: editor.getDocumentProvider().getDocument(editor.getEditorInput());
		if (file == null || document == null || !ZramConfigMarkers.isZramConfig(file)) {
			return;
		}
		document.addDocumentListener(new Checker(file, document));
	}

	/** An editor closed without saving leaves markers of text that no longer exists: check the saved file again. */
	@Override
	public void partClosed(IWorkbenchPartReference ref) {
		if (ref.getPart(false) instanceof ITextEditor editor) {
			IFile file = Adapters.adapt(editor.getEditorInput(), IFile.class);
			if (file != null && ZramConfigMarkers.isZramConfig(file)) {
				WorkspaceJob job = new WorkspaceJob("Check zram configuration " + file.getName()) {
					@Override
					public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
						ZramConfigMarkers.update(file);
						return Status.OK_STATUS;
					}
				};
				job.setRule(file);
				job.setSystem(true);
				job.schedule();
			}
		}
	}

	/** Re-checks one editor's document; the job is rescheduled by each change, so it runs once typing pauses. */
	private static final class Checker implements IDocumentListener {
		private final IFile file;
		private final IDocument document;
		private final WorkspaceJob job;

		Checker(IFile file, IDocument document) {
			this.file = file;
			this.document = document;
			this.job = new WorkspaceJob("Check zram configuration " + file.getName()) {
				@Override
				public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
					ZramConfigMarkers.update(file, Checker.this.document.get());
					return Status.OK_STATUS;
				}
			};
			job.setRule(file);
			job.setSystem(true);
		}

		@Override
		public void documentAboutToBeChanged(DocumentEvent event) {
			// the check needs the new content
		}

		@Override
		public void documentChanged(DocumentEvent event) {
			job.cancel();
			job.schedule(DELAY_MS);
		}
	}

	@Override
	public void windowActivated(IWorkbenchWindow window) {
		// only opened editors matter
	}

	@Override
	public void windowDeactivated(IWorkbenchWindow window) {
		// only opened editors matter
	}

	@Override
	public void windowClosed(IWorkbenchWindow window) {
		window.getPartService().removePartListener(this);
	}
}
