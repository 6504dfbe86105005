package dev.carveout.ui.editor;

import java.util.function.Supplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.editors.text.TextSourceViewerConfiguration;
import org.eclipse.jface.text.quickassist.IQuickAssistAssistant;
import org.eclipse.jface.text.quickassist.QuickAssistAssistant;

import dev.carveout.ui.fix.DtsQuickAssistProcessor;

/**
 * Syntax colouring, region hovers and Ctrl+1 for DTS. Extends the text editor's configuration so marker
 * hovers, spelling and the other generic text services keep working.
 */
final class DtsSourceViewerConfiguration extends TextSourceViewerConfiguration {

	private final Supplier<IFile> file;

	DtsSourceViewerConfiguration(IPreferenceStore preferences, Supplier<IFile> file) {
		super(preferences);
		this.file = file;
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
