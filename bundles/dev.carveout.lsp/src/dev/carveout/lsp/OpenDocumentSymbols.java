package dev.carveout.lsp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.findReferences.IReferenceFinder.IResourceAccess;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.symbol.WorkspaceSymbolService;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

/**
 * Workspace symbols: the nodes of the open documents whose name contains the query (case ignored). Xtext answers
 * from its index, which the server does not fill with open documents any more (the engine checks them, Xtext does
 * not build them); a document's parse is loaded when a request needs it.
 */
public class OpenDocumentSymbols extends WorkspaceSymbolService {

	@Inject
	private EngineSession session;

	@Override
	public List<? extends WorkspaceSymbol> getSymbols(String query, IResourceAccess resourceAccess, IResourceDescriptions index,
			CancelIndicator cancelIndicator) {
		String wanted = query.toLowerCase(Locale.ROOT);
		List<WorkspaceSymbol> symbols = new ArrayList<>();
		for (Path file : session.openFiles()) {
			String uri = EngineSession.uriOf(file);
			String text = session.overlay().contentOf(file).orElse("");
			resourceAccess.readOnly(URI.createURI(uri), resources -> {
				Resource resource = resources.getResource(URI.createURI(uri), true);
				if (resource instanceof XtextResource xtext) {
					collect(new NodeOutline(new Document(1, text)).symbols(xtext), uri, null, wanted, symbols);
				}
				return null;
			});
		}
		return symbols;
	}

	private static void collect(List<DocumentSymbol> outline, String uri, String container, String wanted, List<WorkspaceSymbol> into) {
		for (DocumentSymbol symbol : outline) {
			if (symbol.getName().toLowerCase(Locale.ROOT).contains(wanted)) {
				WorkspaceSymbol found = new WorkspaceSymbol(symbol.getName(), symbol.getKind(),
						Either.forLeft(new Location(uri, symbol.getSelectionRange())));
				found.setContainerName(container);
				into.add(found);
			}
			if (symbol.getChildren() != null) {
				collect(symbol.getChildren(), uri, symbol.getName(), wanted, into);
			}
		}
	}
}
