package dev.carveout.ui.editor;

import java.util.function.Supplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.contentassist.ContentAssistant;
import org.eclipse.jface.text.contentassist.IContentAssistant;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.quickassist.IQuickAssistAssistant;
import org.eclipse.jface.text.quickassist.QuickAssistAssistant;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.editors.text.TextSourceViewerConfiguration;

import dev.carveout.ui.assist.DtsCompletionProcessor;
import dev.carveout.ui.fix.DtsQuickAssistProcessor;
import dev.carveout.ui.navigation.DefinitionHyperlinkDetector;

/**
 * Syntax colouring, region hovers, Ctrl+1, content assist, hyperlinks to definitions and the comment prefix for
 * DTS. Extends the text editor's configuration so marker hovers, spelling and the other generic text services keep
 * working.
 */
final class DtsSourceViewerConfiguration extends TextSourceViewerConfiguration {

	/** What Ctrl+/ puts before a line. */
	static final String LINE_COMMENT = "//";

	private final Supplier<IFile> file;
	private final Supplier<IEditorInput> input;

	DtsSourceViewerConfiguration(IPreferenceStore preferences, Supplier<IFile> file, Supplier<IEditorInput> input) {
		super(preferences);
		this.file = file;
		this.input = input;
	}

	@Override
	public IHyperlinkDetector[] getHyperlinkDetectors(ISourceViewer sourceViewer) {
		IHyperlinkDetector[] platform = super.getHyperlinkDetectors(sourceViewer);
		if (platform == null) {
			return null; // the user turned hyperlinks off (General > Editors > Text Editors > Hyperlinking)
		}
		IHyperlinkDetector[] all = new IHyperlinkDetector[platform.length + 1];
		all[0] = new DefinitionHyperlinkDetector(input);
		System.arraycopy(platform, 0, all, 1, platform.length);
		return all;
	}

	@Override
	public IContentAssistant getContentAssistant(ISourceViewer sourceViewer) {
		ContentAssistant assistant = new ContentAssistant();
		assistant.setDocumentPartitioning(DtsPartitions.PARTITIONING);
		DtsCompletionProcessor processor = new DtsCompletionProcessor(input);
		// Inside a string: compatible = "shared-..." and #include "soc.dtsi" are string partitions.
		assistant.setContentAssistProcessor(processor, IDocument.DEFAULT_CONTENT_TYPE);
		assistant.setContentAssistProcessor(processor, DtsPartitions.STRING);
		assistant.enableAutoActivation(true);
		assistant.setAutoActivationDelay(200);
		assistant.enableAutoInsert(false);
		assistant.setInformationControlCreator(getInformationControlCreator(sourceViewer));
		return assistant;
	}

	@Override
	public String[] getDefaultPrefixes(ISourceViewer sourceViewer, String contentType) {
		return new String[] { LINE_COMMENT, "" };
	}

	@Override
	public ITextHover getTextHover(ISourceViewer sourceViewer, String contentType) {
		return new RegionHover(file);
	}

	@Override
	public String getConfiguredDocumentPartitioning(ISourceViewer sourceViewer) {
		return DtsPartitions.PARTITIONING;
	}

	@Override
	public String[] getConfiguredContentTypes(ISourceViewer sourceViewer) {
		return DtsPartitions.CONTENT_TYPES.clone();
	}

	@Override
	public IPresentationReconciler getPresentationReconciler(ISourceViewer sourceViewer) {
		PresentationReconciler reconciler = new PresentationReconciler();
		reconciler.setDocumentPartitioning(DtsPartitions.PARTITIONING);
		colour(reconciler, IDocument.DEFAULT_CONTENT_TYPE, new DtsCodeScanner());
		colour(reconciler, DtsPartitions.COMMENT, wholePartition(DtsColors.COMMENT));
		colour(reconciler, DtsPartitions.STRING, wholePartition(DtsColors.STRING));
		return reconciler;
	}

	@Override
	public IQuickAssistAssistant getQuickAssistAssistant(ISourceViewer sourceViewer) {
		QuickAssistAssistant assistant = new QuickAssistAssistant();
		assistant.setQuickAssistProcessor(new DtsQuickAssistProcessor(file));
		assistant.setInformationControlCreator(getInformationControlCreator(sourceViewer));
		return assistant;
	}

	private static void colour(PresentationReconciler reconciler, String contentType, ITokenScanner scanner) {
		DefaultDamagerRepairer damagerRepairer = new DefaultDamagerRepairer(scanner);
		reconciler.setDamager(damagerRepairer, contentType);
		reconciler.setRepairer(damagerRepairer, contentType);
	}

	private static ITokenScanner wholePartition(TextAttribute attribute) {
		RuleBasedScanner scanner = new RuleBasedScanner();
		scanner.setDefaultReturnToken(new Token(attribute));
		return scanner;
	}
}
