package dev.carveout.ui.navigation;

import java.nio.file.Path;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.FileStoreEditorInput;
import org.eclipse.ui.part.FileEditorInput;
import org.eclipse.ui.texteditor.ITextEditor;

import dev.carveout.memmap.SourceRef;
import dev.carveout.ui.CarveoutUi;

/**
 * Opens the file a definition is in and selects it: in the workspace when the workspace has the file, otherwise
 * straight from the disk (a kernel tree's dt-bindings header, a SoC .dtsi outside the project). DTS files open in
 * the Carveout editor, anything else (a C header) in the text editor: a stock IDE knows no editor for .h and
 * would hand it to the operating system.
 */
public final class SourceOpener {

	private static final String TEXT_EDITOR_ID = "org.eclipse.ui.DefaultTextEditor";

	private SourceOpener() {
	}

	/** @return the editor showing the place, or null when the reference names no file */
	public static ITextEditor open(IWorkbenchPage page, SourceRef at) throws PartInitException {
		if (at.file() == null) {
			return null;
		}
		Path path = at.file();
		String editorId = isDts(path) ? CarveoutUi.EDITOR_ID : TEXT_EDITOR_ID;
		IFile[] files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(path.toUri());
		IEditorPart part = files.length > 0 ? page.openEditor(new FileEditorInput(files[0]), editorId)
				: page.openEditor(new FileStoreEditorInput(EFS.getLocalFileSystem().getStore(path.toUri())), editorId);
		if (!(part instanceof ITextEditor editor)) {
			return null;
		}
		select(editor, at);
		return editor;
	}

	/** Selects the reference's text (or the start of its line) by line and column, which survive line-ending changes. */
	private static void select(ITextEditor editor, SourceRef at) {
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		if (document == null || at.line() < 1) {
			return;
		}
		try {
			IRegion line = document.getLineInformation(Math.min(at.line(), document.getNumberOfLines()) - 1);
			int column = Math.max(0, Math.min(at.column() - 1, line.getLength()));
			int length = Math.max(0, Math.min(at.length(), line.getLength() - column));
			editor.selectAndReveal(line.getOffset() + column, length);
		} catch (BadLocationException e) {
			// The file changed since the board was checked: opening it is all that can be done.
		}
	}

	private static boolean isDts(Path path) {
		String name = path.getFileName().toString();
		return name.endsWith(".dts") || name.endsWith(".dtsi") || name.endsWith(".dtso");
	}
}
