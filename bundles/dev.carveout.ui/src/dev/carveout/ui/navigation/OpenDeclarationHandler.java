package dev.carveout.ui.navigation;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

import dev.carveout.dts.nav.Definitions.Definition;

/** F3: opens the definition of what the caret is on, as Ctrl+click on it does. */
public final class OpenDeclarationHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		if (!(HandlerUtil.getActiveEditor(event) instanceof ITextEditor editor)
				|| !(editor.getSelectionProvider().getSelection() instanceof ITextSelection selection)) {
			return null;
		}
		String text = editor.getDocumentProvider().getDocument(editor.getEditorInput()).get();
		Definition definition = DefinitionHyperlinkDetector.definitionAt(editor.getEditorInput(), text, selection.getOffset());
		if (definition == null) {
			editor.getEditorSite().getActionBars().getStatusLineManager()
					.setErrorMessage("Nothing to open here: F3 follows &label, &{/path}, include lines and macro names");
			return null;
		}
		IWorkbenchPage page = editor.getSite().getPage();
		try {
			SourceOpener.open(page, definition.target());
		} catch (PartInitException e) {
			throw new ExecutionException("Cannot open " + definition.target().file(), e);
		}
		return null;
	}
}
