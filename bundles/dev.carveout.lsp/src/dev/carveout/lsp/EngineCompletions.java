package dev.carveout.lsp;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.contentassist.ContentAssistService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

import dev.carveout.dts.assist.Completion;
import dev.carveout.dts.assist.Completions;
import dev.carveout.dts.nav.IncludeGraph;

/**
 * Completion from the engine's {@link Completions} (the same as the editor's content assist): /reserved-memory
 * properties and values, compatibles, statuses, labels after {@code &} and include paths. Xtext's grammar-driven
 * proposals are not added: its content-assist parser does not follow cpp's directive lines. The board is checked
 * only when the context needs its tree.
 */
public class EngineCompletions extends ContentAssistService {

	@Inject
	private EngineSession session;

	@Override
	public CompletionList createCompletionList(Document document, XtextResource resource, CompletionParams params,
			CancelIndicator cancelIndicator) {
		int offset = document.getOffSet(params.getPosition());
		Path file = EngineSession.pathOf(resource.getURI());
		Completions completions = new Completions(() -> session.check(resource).result().tree(),
				new IncludeGraph(session.overlay(), session.settings().includeDirs()));
		List<CompletionItem> items = completions.at(file, document.getContents(), offset).stream()
				.map(completion -> item(completion, document)).toList();
		return new CompletionList(false, items);
	}

	private static CompletionItem item(Completion completion, Document document) {
		CompletionItem item = new CompletionItem(completion.label());
		item.setKind(switch (completion.kind()) {
		case PROPERTY -> CompletionItemKind.Property;
		case VALUE -> CompletionItemKind.Value;
		case LABEL -> CompletionItemKind.Reference;
		case FILE -> CompletionItemKind.File;
		case FOLDER -> CompletionItemKind.Folder;
		});
		item.setDetail(completion.detail());
		item.setTextEdit(Either.forLeft(new TextEdit(new Range(document.getPosition(completion.start()),
				document.getPosition(completion.start() + completion.length())), completion.insert())));
		return item;
	}
}
