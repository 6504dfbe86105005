package dev.carveout.ui.navigation;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

import dev.carveout.ui.outline.OutlineBuilder;

/** Ctrl+O: the quick outline of the file as it is in the editor now, unsaved edits included. */
public final class QuickOutlineHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		if (HandlerUtil.getActiveEditor(event) instanceof ITextEditor editor) {
			String text = editor.getDocumentProvider().getDocument(editor.getEditorInput()).get();
			new QuickOutlinePopup(editor.getSite().getShell(), OutlineBuilder.build(text), editor::selectAndReveal).open();
		}
		return null;
	}
}
