package dev.carveout.ui.map;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.filesystem.IFileStore;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

import dev.carveout.memmap.SourceRef;

/** Opens the file a source reference names and selects its line, as the Problems view goes to a marker. */
final class SourceReveal {

	private SourceReveal() {
	}

	/**
	 * @param activate false while the user browses the map, so the focus stays in the view; true to go there
	 * @return the editor showing the line, or null if the reference names no file
	 */
	static ITextEditor reveal(IWorkbenchPage page, SourceRef ref, boolean activate) throws PartInitException {
		if (!ref.isKnown()) {
			return null;
		}
		IFile[] files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(ref.file().toUri());
		IEditorPart part;
		if (files.length > 0) {
			part = IDE.openEditor(page, files[0], activate);
		} else {
			// A header outside the workspace (a kernel tree's include/dt-bindings, say) still opens.
			IFileStore store = EFS.getLocalFileSystem().getStore(ref.file().toUri());
			part = IDE.openEditorOnFileStore(page, store);
		}
		if (!(part instanceof ITextEditor editor)) {
			return null;
		}
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		try {
			IRegion line = document.getLineInformation(ref.line() - 1);
			String text = document.get(line.getOffset(), line.getLength());
			int indent = text.length() - text.stripLeading().length();
			editor.selectAndReveal(line.getOffset() + indent, text.strip().length());
		} catch (BadLocationException e) {
			// The file changed since the check (the line is gone): opening it is all that can be done.
		}
		return editor;
	}
}
