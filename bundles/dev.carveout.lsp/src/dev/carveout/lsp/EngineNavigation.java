package dev.carveout.lsp;

import java.util.List;

import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.xtext.findReferences.IReferenceFinder.IResourceAccess;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

import dev.carveout.dts.nav.Definitions;
import dev.carveout.dts.nav.IncludeGraph;
import dev.carveout.memmap.SourceRef;

/**
 * Go to definition through the engine's {@link Definitions} (the same as the editor's F3): {@code &label},
 * {@code &{/path}}, include lines and macro names. DTS has no Xtext cross-references, so Xtext's own lookup finds
 * nothing. Also the flat document symbols for clients without hierarchical support.
 */
public class EngineNavigation extends DocumentSymbolService {

	@Inject
	private EngineSession session;

	@Override
	public List<? extends Location> getDefinitions(Document document, XtextResource resource, DefinitionParams params,
			IResourceAccess resourceAccess, CancelIndicator cancelIndicator) {
		BoardCheck check = session.check(resource);
		Definitions definitions = new Definitions(check.result(),
				new IncludeGraph(check.overlay(), check.checker().settings().includeDirs()));
		return definitions.at(check.file(), check.text(), document.getOffSet(params.getPosition()))
				.map(definition -> List.of(location(definition.target(), check))).orElse(List.of());
	}

	private static Location location(SourceRef at, BoardCheck check) {
		TextPositions positions = new TextPositions(EngineSession.read(at.file(), check.overlay()));
		return new Location(EngineSession.uriOf(at.file()), positions.range(at.offset(), 0));
	}

	@Override
	public List<DocumentSymbol> getSymbols(Document document, XtextResource resource, DocumentSymbolParams params,
			CancelIndicator cancelIndicator) {
		return new NodeOutline(document).symbols(resource);
	}
}
