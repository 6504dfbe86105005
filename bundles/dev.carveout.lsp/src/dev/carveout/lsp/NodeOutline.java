package dev.carveout.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

import dev.carveout.dts.dts.BodyItem;
import dev.carveout.dts.dts.DtsFile;
import dev.carveout.dts.dts.DtsPackage;
import dev.carveout.dts.dts.Label;
import dev.carveout.dts.dts.LabelReference;
import dev.carveout.dts.dts.Node;
import dev.carveout.dts.dts.NodeDefinition;
import dev.carveout.dts.dts.NodeTarget;
import dev.carveout.dts.dts.Reference;
import dev.carveout.dts.dts.TopItem;
import dev.carveout.dts.tree.References;

/**
 * The outline of one file as written: each top-level definition ({@code /}, {@code &label}, {@code &{/path}})
 * and the nodes inside it, named with their unit address and detailed with their labels.
 */
final class NodeOutline {

	private final Document document;

	NodeOutline(Document document) {
		this.document = document;
	}

	List<DocumentSymbol> symbols(XtextResource resource) {
		List<DocumentSymbol> symbols = new ArrayList<>();
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof DtsFile file)) {
			return symbols;
		}
		for (TopItem item : file.getItems()) {
			if (item instanceof NodeDefinition definition && definition.getTarget() != null) {
				DocumentSymbol symbol = symbol(definition, targetName(definition.getTarget()), labels(definition.getLabels()),
						DtsPackage.Literals.NODE_DEFINITION__TARGET, SymbolKind.Namespace);
				symbol.setChildren(children(definition.getBody()));
				symbols.add(symbol);
			}
		}
		return symbols;
	}

	/** As written: "/", "&label" or "&{/path}". */
	private static String targetName(NodeTarget target) {
		if (target instanceof LabelReference label) {
			return "&" + References.target(label);
		}
		return target instanceof Reference path ? "&{" + References.target(path) + "}" : "/";
	}

	private List<DocumentSymbol> children(List<BodyItem> body) {
		List<DocumentSymbol> children = new ArrayList<>();
		for (BodyItem item : body) {
			if (item instanceof Node node && node.getName() != null) {
				DocumentSymbol symbol = symbol(node, node.getName(), labels(node.getLabels()), DtsPackage.Literals.NODE__NAME,
						SymbolKind.Struct);
				symbol.setChildren(children(node.getBody()));
				children.add(symbol);
			}
		}
		return children;
	}

	private static String labels(List<Label> labels) {
		return labels.stream().map(References::label).collect(Collectors.joining(", "));
	}

	private DocumentSymbol symbol(EObject element, String name, String detail, EStructuralFeature nameFeature, SymbolKind kind) {
		INode whole = NodeModelUtils.findActualNodeFor(element);
		List<INode> names = NodeModelUtils.findNodesForFeature(element, nameFeature);
		INode nameNode = names.isEmpty() ? whole : names.get(0);
		Range range = range(whole);
		Range selection = range(nameNode);
		return new DocumentSymbol(name, kind, range, selection, detail.isEmpty() ? null : detail);
	}

	private Range range(INode node) {
		return new Range(document.getPosition(node.getOffset()), document.getPosition(node.getEndOffset()));
	}
}
