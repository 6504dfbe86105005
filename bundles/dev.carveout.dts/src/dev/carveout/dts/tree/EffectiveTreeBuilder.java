package dev.carveout.dts.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.emf.ecore.EObject;

import dev.carveout.dts.dts.BodyItem;
import dev.carveout.dts.dts.ByteString;
import dev.carveout.dts.dts.CellList;
import dev.carveout.dts.dts.DeleteNode;
import dev.carveout.dts.dts.DeleteProperty;
import dev.carveout.dts.dts.Directive;
import dev.carveout.dts.dts.IncBin;
import dev.carveout.dts.dts.Label;
import dev.carveout.dts.dts.MemReserve;
import dev.carveout.dts.dts.Node;
import dev.carveout.dts.dts.NodeDefinition;
import dev.carveout.dts.dts.OmitIfNoRef;
import dev.carveout.dts.dts.PathReference;
import dev.carveout.dts.dts.PluginDirective;
import dev.carveout.dts.dts.Property;
import dev.carveout.dts.dts.Reference;
import dev.carveout.dts.dts.Value;
import dev.carveout.dts.dts.RootTarget;
import dev.carveout.dts.limits.InputLimit;
import dev.carveout.dts.limits.LimitExceeded;
import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.Severity;
import dev.carveout.memmap.SourceRef;

/**
 * Builds the effective tree from top-level items in the order dtc reads them: definitions of a node merge
 * into it, '&label { }' merges into the labelled node, later values replace earlier ones, deletes remove.
 * {@link #finish()} then runs dtc's finishing passes (see {@link DtcFinisher}).
 */
public final class EffectiveTreeBuilder {

	public static final String RULE_TREE = "tree";

	private final DtTree tree = new DtTree(new DtNode("", null, SourceRef.UNKNOWN));
	private final Consumer<Finding> problems;
	private BodyIncluder bodyIncluder = (directive, at, into) -> {
	};
	private IncbinFiles incbinFiles = (file, at) -> IncbinFiles.Content.NOT_READ;
	private ValueIncluder valueIncluder = ValueIncluder.NONE;
	private boolean rootDefined;
	private boolean finished;
	/** The file said /plugin/: dtc makes a fragment of each '&ref { }' the overlay itself cannot resolve. */
	private boolean plugin;
	private int nextFragment;
	private HeaderOrder headers;

	public EffectiveTreeBuilder(Consumer<Finding> problems) {
		this.problems = problems;
		this.headers = new HeaderOrder(problems, true);
	}

	/** Whether the file must begin with /dts-v1/: not when it is no board (a .dtsi that no board includes). */
	public void setVersionRequired(boolean required) {
		headers = new HeaderOrder(problems, required);
	}

	/** Who reads files included inside a node body; without one such includes are ignored. */
	public void setBodyIncluder(BodyIncluder includer) {
		bodyIncluder = includer;
	}

	/** Who reads the files an /include/ inside a value names; without one such values are unknown. */
	public void setValueIncluder(ValueIncluder includer) {
		valueIncluder = includer;
	}

	/** Who checks the files /incbin/ names; without one they are not checked. */
	public void setIncbinFiles(IncbinFiles files) {
		incbinFiles = files;
	}

	public void add(EObject item, Locator at) {
		headers.see(item, at.locate(item));
		if (item instanceof PluginDirective) {
			plugin = true;
		} else if (item instanceof NodeDefinition definition) {
			boolean isRoot = definition.getTarget() instanceof RootTarget;
			// dtc 1.6.1 in a plugin: '&{/path} { }' is always a fragment, '&label { }' when the label is not its own
			if (!isRoot && plugin && definition.getLabels().isEmpty() && (definition.getTarget() instanceof PathReference
					|| tree.resolve(References.target((Reference) definition.getTarget())) == null)) {
				orphan(definition, at);
				return;
			}
			DtNode target = isRoot ? tree.root()
					: resolve((Reference) definition.getTarget(), at.locate(definition.getTarget()));
			if (target != null) {
				// only the first '/ { }' is a new node; everything after merges into it
				boolean fresh = isRoot && !rootDefined;
				target.addLabels(labelNames(definition.getLabels()), fresh);
				rootDefined |= isRoot;
				body(target, definition.getBody(), at, new NodeBody(fresh));
			}
		} else if (item instanceof OmitIfNoRef omit && omit.getTarget() != null) {
			DtNode target = resolve(omit.getTarget(), at.locate(omit));
			if (target != null) {
				target.markOmitIfUnreferenced();
			}
		} else if (item instanceof DeleteNode delete && delete.getTarget() != null) {
			DtNode target = resolve(delete.getTarget(), at.locate(delete));
			if (target != null) {
				target.delete();
			}
		} else if (item instanceof MemReserve reserve) {
			try {
				tree.memreserves().add(new DtTree.MemReserveEntry(new AddressRange(
						ExpressionEvaluator.evaluate(reserve.getAddress()), ExpressionEvaluator.evaluate(reserve.getSize())),
						at.locate(reserve)));
			} catch (UnknownValueException e) {
				problem(at.locate(reserve), "/memreserve/: " + e.getMessage());
			}
		}
	}

	/**
	 * dtc's add_orphan_node() for an overlay: '&label { }' that the overlay cannot resolve, or '&{/path} { }',
	 * becomes /fragment@N with "target = <&label>" or "target-path", its body the fragment's __overlay__. The
	 * label is left for the finisher, which makes it a fixup.
	 */
	private void orphan(NodeDefinition definition, Locator at) {
		String reference = References.target((Reference) definition.getTarget());
		SourceRef where = at.locate(definition.getTarget());
		DtNode fragment = tree.root().childForMerge(OverlayNames.FRAGMENT + nextFragment++, where);
		if (reference.startsWith("/")) {
			fragment.setProperty(OverlayNames.TARGET_PATH, ValueEncoder.string(reference), where, List.of());
		} else {
			fragment.setProperty(OverlayNames.TARGET, ValueEncoder.unresolvedPhandle(reference), where, List.of());
		}
		// the root of an overlay exists before its first '/ { }', which then merges into it
		rootDefined = true;
		body(fragment.childForMerge(OverlayNames.OVERLAY, where), definition.getBody(), at, new NodeBody(true));
	}

	/** The tree as dtc writes it by default (no -@): references resolved, phandles assigned. */
	public DtTree finish() {
		return finish(false);
	}

	/**
	 * The tree as dtc writes it; {@code generateSymbols} is dtc's -@ (a /__symbols__ node listing every label).
	 * The passes run once: later calls return the same tree.
	 */
	public DtTree finish(boolean generateSymbols) {
		if (!finished) {
			finished = true;
			new DtcFinisher(tree, problems, plugin).run(generateSymbols);
		}
		return tree;
	}

	/**
	 * {@code body.fresh()}: this body defines the node for the first time. dtc then keeps a delete of something
	 * not yet there as a deleted placeholder, which a later definition fills in at that place, and a
	 * delete of something defined earlier in the same body has no effect. The errors of dtc's parser and checks
	 * that concern one body's items are reported here (see {@link NodeBody}).
	 */
	private void body(DtNode node, List<BodyItem> items, Locator at, NodeBody body) {
		boolean fresh = body.fresh();
		int properties = 0;
		for (BodyItem item : items) {
			if (item instanceof Property property) {
				if (++properties > InputLimit.PROPERTIES_PER_NODE.value()) {
					throw stop(InputLimit.PROPERTIES_PER_NODE, node.path(), at.locate(property));
				}
				SourceRef where = at.locate(property);
				orderOf(body, where);
				SourceRef earlier = body.earlierProperty(property.getName(), where);
				if (earlier != null) {
					problem(earlier, "Duplicate property name " + property.getName() + " in " + node.path());
				}
				PropertyValue value;
				ValueIncludes includes = new ValueIncludes(valueIncluder, at);
				try {
					value = ValueEncoder.encode(property.getValues(), incbins(property.getValues(), at), includes);
				} catch (UnknownValueException e) {
					value = null;
					if (e.invalid() != null) {
						problem(includes.locate(e.invalid()), e.getMessage());
					}
				}
				if (value != null && value.length() > InputLimit.PROPERTY_SIZE.value()) {
					throw stop(InputLimit.PROPERTY_SIZE, property.getName(), where);
				}
				node.setProperty(property.getName(), value, where, labelNames(property.getLabels()))
						.setValueLabels(valueLabels(property.getValues()));
			} else if (item instanceof Node child) {
				if (body.repeatsChild(child.getName())) {
					problem(at.locate(child), "Duplicate node name " + child.getName() + " in " + node.path());
				}
				body.subnode();
				boolean newChild = !node.hasChildEntry(child.getName());
				DtNode merged = node.childForMerge(child.getName(), at.locate(child));
				merged.addLabels(labelNames(child.getLabels()), newChild);
				if (child.isOmitIfNoRef()) {
					merged.markOmitIfUnreferenced();
				}
				body(merged, child.getBody(), at, new NodeBody(newChild));
			} else if (item instanceof DeleteProperty delete) {
				orderOf(body, at.locate(delete));
				if (fresh) {
					node.deletedPropertyPlaceholder(delete.getName(), at.locate(delete));
				} else {
					node.deleteProperty(delete.getName());
				}
			} else if (item instanceof DeleteNode delete && delete.getTarget() != null) {
				// dtc-parser.y's subnode rule takes a name after /delete-node/; a reference only at the top level
				problem(at.locate(delete.getTarget()), "syntax error: /delete-node/ of a reference inside a node (a body"
						+ " deletes a child by its name; a reference is deleted by a /delete-node/ at the top level)");
			} else if (item instanceof DeleteNode delete && delete.getName() != null && fresh) {
				body.subnode();
				if (body.deletesEarlierChild(delete.getName())) {
					problem(at.locate(delete), "Duplicate node name " + delete.getName() + " in " + node.path());
				}
				node.deletedChildPlaceholder(delete.getName(), at.locate(delete));
			} else if (item instanceof DeleteNode delete) {
				body.subnode();
				DtNode target = delete.getName() != null ? node.child(delete.getName())
						: resolve(delete.getTarget(), at.locate(delete));
				if (target != null) {
					target.delete();
				}
			} else if (item instanceof Directive directive) {
				bodyIncluder.include(directive, at, (included, locator) -> body(node, included, locator, body));
			}
		}
	}

	/** dtc-parser.y's subnodes rule: a property or /delete-property/ after a subnode of the same body. */
	private void orderOf(NodeBody body, SourceRef at) {
		if (body.subnodeSeen()) {
			problem(at, "Properties must precede subnodes");
		}
	}

	private DtNode resolve(Reference reference, SourceRef at) {
		String target = References.target(reference);
		DtNode node = tree.resolve(target);
		if (node == null) {
			problem(at, "Label or path " + target + " not found");
		}
		return node;
	}

	private static List<String> labelNames(List<Label> labels) {
		return labels.stream().map(References::label).toList();
	}

	/**
	 * The bytes of each /incbin/ of a property's values, read as dtc reads them; a file that cannot be read is an
	 * error on its line and leaves the value unknown.
	 */
	private Map<IncBin, byte[]> incbins(List<Value> values, Locator at) {
		Map<IncBin, byte[]> bytes = new HashMap<>();
		for (Value value : values) {
			if (value.getData() instanceof IncBin incbin && incbin.getFile() != null) {
				SourceRef where = at.locate(incbin);
				IncbinFiles.Content content = incbinFiles.read(incbin.getFile(), where);
				if (content.problem() != null) {
					problems.accept(new Finding(InputLimit.RULE_ID, Severity.ERROR, content.problem(), where, null));
				} else if (content.bytes() != null) {
					bytes.put(incbin, content.bytes());
				}
			}
		}
		return bytes;
	}

	/** Labels inside a value ("reg = <0 start: 0x1000>;"): dtc's LABEL markers, which duplicate_label checks too. */
	private static List<String> valueLabels(List<Value> values) {
		List<String> labels = new ArrayList<>();
		for (Value value : values) {
			value.getLabels().forEach(l -> labels.add(References.label(l)));
			if (value.getData() instanceof CellList cells) {
				cells.getCells().stream().filter(Label.class::isInstance)
						.forEach(l -> labels.add(References.label((Label) l)));
			} else if (value.getData() instanceof ByteString bytes) {
				bytes.getItems().stream().filter(Label.class::isInstance)
						.forEach(l -> labels.add(References.label((Label) l)));
			}
			value.getEndLabels().forEach(l -> labels.add(References.label(l)));
		}
		return labels;
	}

	/** A limit stops the board: one input error where it was hit. */
	private LimitExceeded stop(InputLimit limit, String subject, SourceRef at) {
		String message = limit.message(subject);
		problems.accept(new Finding(InputLimit.RULE_ID, Severity.ERROR, message, at, null));
		return new LimitExceeded(limit, message);
	}

	private void problem(SourceRef at, String message) {
		problems.accept(new Finding(RULE_TREE, Severity.ERROR, message, at, null));
	}
}
