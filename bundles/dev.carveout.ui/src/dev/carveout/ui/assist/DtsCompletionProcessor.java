package dev.carveout.ui.assist;

import java.util.function.Supplier;

import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.ui.IEditorInput;

import dev.carveout.dts.assist.Completion;
import dev.carveout.dts.assist.Completions;
import dev.carveout.ui.navigation.EditorContext;

/**
 * Content assist (Ctrl+Space, and by itself after {@code &}, a quote or {@code <}) from the engine's
 * {@link Completions}, the same proposals the language server makes: labels from the board's last check,
 * /reserved-memory properties and values, compatibles, statuses and include paths.
 */
public final class DtsCompletionProcessor implements IContentAssistProcessor {

	private final Supplier<IEditorInput> input;

	public DtsCompletionProcessor(Supplier<IEditorInput> input) {
		this.input = input;
	}

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		EditorContext context = EditorContext.of(input.get());
		if (context == null) {
			return new ICompletionProposal[0];
		}
		Completions completions = new Completions(() -> context.board().tree(), context.includes());
		return completions.at(context.path(), viewer.getDocument().get(), offset).stream()
				.map(DtsCompletionProcessor::proposal).toArray(ICompletionProposal[]::new);
	}

	private static ICompletionProposal proposal(Completion completion) {
		return new CompletionProposal(completion.insert(), completion.start(), completion.length(),
				completion.insert().length(), null, completion.label() + " - " + completion.detail(), null,
				completion.detail());
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		return new char[] { '&', '"', '<' };
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return null;
	}
}
