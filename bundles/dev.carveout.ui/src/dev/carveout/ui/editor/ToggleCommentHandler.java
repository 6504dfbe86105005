package dev.carveout.ui.editor;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * Ctrl+/: comments the selected lines out with {@code //}, or back in when every non-blank one already is. The
 * viewer's prefix operations do the edit (as one undoable change), with the prefixes the configuration declares.
 */
public final class ToggleCommentHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		if (!(HandlerUtil.getActiveEditor(event) instanceof ITextEditor editor) || !editor.isEditable()
				|| !(editor.getSelectionProvider().getSelection() instanceof ITextSelection selection)) {
			return null;
		}
		ITextOperationTarget target = editor.getAdapter(ITextOperationTarget.class);
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		if (target == null || document == null) {
			return null;
		}
		int operation = allCommented(document, selection) ? ITextOperationTarget.STRIP_PREFIX : ITextOperationTarget.PREFIX;
		if (target.canDoOperation(operation)) {
			target.doOperation(operation);
		}
		return null;
	}

	private static boolean allCommented(IDocument document, ITextSelection selection) {
		int first = selection.getStartLine();
		int last = selection.getEndLine();
		// A selection that ends at the start of a line does not take that line in.
		if (last > first && selection.getLength() > 0) {
			try {
				if (document.getLineOffset(last) == selection.getOffset() + selection.getLength()) {
					last--;
				}
			} catch (BadLocationException e) {
				return false;
			}
		}
		boolean sawCode = false;
		for (int line = first; line <= last; line++) {
			try {
				IRegion region = document.getLineInformation(line);
				String text = document.get(region.getOffset(), region.getLength()).strip();
				if (!text.isEmpty()) {
					if (!text.startsWith(DtsSourceViewerConfiguration.LINE_COMMENT)) {
						return false;
					}
					sawCode = true;
				}
			} catch (BadLocationException e) {
				return false;
			}
		}
		return sawCode;
	}
}
