package dev.carveout.ui.editor;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.source.ICharacterPairMatcher;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * Ctrl+Shift+P: from just after a bracket to just after its partner, and back, with the same matcher that
 * highlights the pair.
 */
public final class GotoMatchingBracketHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		if (!(HandlerUtil.getActiveEditor(event) instanceof ITextEditor editor)
				|| !(editor.getSelectionProvider().getSelection() instanceof ITextSelection selection)) {
			return null;
		}
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		ICharacterPairMatcher matcher = DtsBrackets.matcher();
		try {
			IRegion pair = matcher.match(document, selection.getOffset());
			if (pair == null || pair.getLength() < 2) {
				editor.getEditorSite().getActionBars().getStatusLineManager()
						.setErrorMessage("No matching bracket: place the caret just after a bracket");
				return null;
			}
			int open = pair.getOffset();
			int afterClose = pair.getOffset() + pair.getLength();
			editor.selectAndReveal(selection.getOffset() == afterClose ? open + 1 : afterClose, 0);
		} finally {
			matcher.dispose();
		}
		return null;
	}
}
