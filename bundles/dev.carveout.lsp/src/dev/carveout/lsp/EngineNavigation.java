package dev.carveout.lsp;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.findReferences.IReferenceFinder.IResourceAccess;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolService;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

import dev.carveout.dts.dts.IncludeDirective;
import dev.carveout.dts.dts.PreprocessorLine;
import dev.carveout.dts.dts.Reference;
import dev.carveout.dts.tree.DtNode;
import dev.carveout.dts.tree.DtTree;
import dev.carveout.dts.tree.References;
import dev.carveout.memmap.SourceRef;

/**
 * Go to definition the way dtc resolves things: {@code &label} and {@code &{/path}} to where the node was first
 * defined in the board's effective tree (often a .dtsi), {@code #include} lines to the file cpp would read.
 * DTS has no Xtext cross-references, so Xtext's own lookup finds nothing. Also the flat document symbols for
 * clients without hierarchical support.
 */
public class EngineNavigation extends DocumentSymbolService {

	@Inject
	private EngineSession session;

	@Override
	public List<? extends Location> getDefinitions(Document document, XtextResource resource, DefinitionParams params,
			IResourceAccess resourceAccess, CancelIndicator cancelIndicator) {
		int offset = document.getOffSet(params.getPosition());
		EObject element = elementAt(resource, offset);
		if (element == null) {
			return List.of();
		}
		BoardCheck check = session.check(resource);
		if (element instanceof Reference reference) {
			DtTree tree = check.result().tree();
			String target = References.target(reference);
			DtNode node = tree == null ? null : tree.resolve(target);
			return node == null || !node.definedAt().isKnown() ? List.of() : List.of(location(node.definedAt()));
		}
		String includeText = element instanceof PreprocessorLine line ? line.getText()
				: element instanceof IncludeDirective directive ? "/include/ \"" + directive.getFile() + "\"" : null;
		if (includeText != null) {
			IncludeGraph graph = new IncludeGraph(check.overlay(), check.checker().settings().includeDirs());
			return graph.includesOf(check.file(), includeText).stream().filter(i -> i.target() != null)
					.map(i -> new Location(EngineSession.uriOf(i.target()), new Range(new Position(0, 0), new Position(0, 0))))
					.toList();
		}
		return List.of();
	}

	/** The reference or directive under the cursor, also when the cursor sits just after it. */
	private static EObject elementAt(XtextResource resource, int offset) {
		if (resource.getParseResult() == null) {
			return null;
		}
		for (int at : new int[] { offset, offset - 1 }) {
			ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), Math.max(0, at));
			for (EObject e = leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf); e != null; e = e.eContainer()) {
				if (e instanceof Reference || e instanceof PreprocessorLine || e instanceof IncludeDirective) {
					return e;
				}
			}
		}
		return null;
	}

	private Location location(SourceRef at) {
		Path file = at.file();
		TextPositions positions = new TextPositions(EngineSession.read(file, session.overlay()));
		return new Location(EngineSession.uriOf(file), positions.range(at.offset(), 0));
	}

	@Override
	public List<DocumentSymbol> getSymbols(Document document, XtextResource resource, DocumentSymbolParams params,
			CancelIndicator cancelIndicator) {
		return new NodeOutline(document).symbols(resource);
	}
}
