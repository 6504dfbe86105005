package dev.carveout.ui.outline;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.IParser;

import dev.carveout.dts.DtsLanguage;
import dev.carveout.dts.dts.BodyItem;
import dev.carveout.dts.dts.DtsFile;
import dev.carveout.dts.dts.Label;
import dev.carveout.dts.dts.LabelReference;
import dev.carveout.dts.dts.Node;
import dev.carveout.dts.dts.NodeDefinition;
import dev.carveout.dts.dts.NodeTarget;
import dev.carveout.dts.dts.PathReference;
import dev.carveout.dts.dts.Property;
import dev.carveout.dts.dts.TopItem;

/**
 * Builds the outline of one file as written (not the effective tree: an outline is for finding text).
 * Parsing recovers from syntax errors, so a half-typed node still leaves the rest of the outline intact.
 */
public final class OutlineBuilder {

	private OutlineBuilder() {
	}

	public static List<OutlineElement> build(String text) {
		IParser parser = DtsLanguage.injector().getInstance(IParser.class);
		return build(parser.parse(new StringReader(text)));
	}

	/** The outline of a file already parsed (the editor parses once for the outline, folding and colouring). */
	public static List<OutlineElement> build(IParseResult result) {
		List<OutlineElement> elements = new ArrayList<>();
		if (result.getRootASTElement() instanceof DtsFile file) {
			for (TopItem item : file.getItems()) {
				if (item instanceof NodeDefinition definition) {
					elements.add(element(labelled(definition.getLabels(), targetText(definition.getTarget())),
							OutlineElement.Kind.NODE, definition, children(definition.getBody())));
				}
			}
		}
		return elements;
	}

	private static List<OutlineElement> children(List<BodyItem> body) {
		List<OutlineElement> children = new ArrayList<>();
		for (BodyItem item : body) {
			if (item instanceof Node node) {
				children.add(element(labelled(node.getLabels(), node.getName()), OutlineElement.Kind.NODE, node,
						children(node.getBody())));
			} else if (item instanceof Property property) {
				children.add(element(labelled(property.getLabels(), property.getName()), OutlineElement.Kind.PROPERTY,
						property, List.of()));
			}
		}
		return children;
	}

	private static OutlineElement element(String label, OutlineElement.Kind kind, EObject object,
			List<OutlineElement> children) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(object);
		int offset = node == null ? 0 : node.getOffset();
		int length = node == null ? 0 : node.getLength();
		return new OutlineElement(label, kind, offset, length, children);
	}

	private static String targetText(NodeTarget target) {
		if (target instanceof LabelReference reference) {
			return reference.getLabel();
		}
		if (target instanceof PathReference reference) {
			return reference.getPath();
		}
		return "/";
	}

	/** "cdsp_mem: cdsp-secure-heap@81800000", as the node is written. */
	private static String labelled(List<Label> labels, String name) {
		String prefix = labels.stream()
				.map(label -> label.getName().endsWith(":") ? label.getName() : label.getName() + ":")
				.collect(Collectors.joining(" "));
		String shownName = name == null ? "?" : name;
		return prefix.isEmpty() ? shownName : prefix + " " + shownName;
	}
}
