package dev.carveout.ui.navigation;

import java.util.function.Supplier;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

import dev.carveout.dts.nav.Definitions;
import dev.carveout.dts.nav.Definitions.Definition;

/**
 * Ctrl+click (and F3, through {@link OpenDeclarationHandler}) on {@code &label}, {@code &{/path}}, an include line
 * or a macro name: the engine's {@link Definitions} says where it is defined, with the board's last check.
 */
public final class DefinitionHyperlinkDetector implements IHyperlinkDetector {

	private final Supplier<IEditorInput> input;

	public DefinitionHyperlinkDetector(Supplier<IEditorInput> input) {
		this.input = input;
	}

	@Override
	public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
		Definition definition = definitionAt(input.get(), viewer.getDocument().get(), region.getOffset());
		return definition == null ? null : new IHyperlink[] { new DefinitionHyperlink(definition) };
	}

	/** What the text at {@code offset} of the editor's text names and where that is defined, or null. */
	static Definition definitionAt(IEditorInput editorInput, String text, int offset) {
		EditorContext context = EditorContext.of(editorInput);
		if (context == null) {
			return null;
		}
		return new Definitions(context.board(), context.includes()).at(context.path(), text, offset).orElse(null);
	}

	private record DefinitionHyperlink(Definition definition) implements IHyperlink {

		@Override
		public IRegion getHyperlinkRegion() {
			return new Region(definition.start(), definition.length());
		}

		@Override
		public String getTypeLabel() {
			return "Open Declaration";
		}

		@Override
		public String getHyperlinkText() {
			return "Open " + definition.target().file().getFileName() + ":" + definition.target().line();
		}

		@Override
		public void open() {
			try {
				SourceOpener.open(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), definition.target());
			} catch (PartInitException e) {
				ILog.of(DefinitionHyperlinkDetector.class)
						.error("Cannot open " + definition.target().file(), e);
			}
		}
	}
}
