package dev.carveout.dts.tree;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.carveout.memmap.Finding;
import dev.carveout.memmap.Severity;
import dev.carveout.memmap.SourceRef;

/**
 * Applies an overlay, compiled as dtc -@ compiles a /plugin/ file, to a board's tree as libfdt's
 * fdt_overlay_apply() does for fdtoverlay and kbuild's composite DTBs: the overlay's phandles move past the
 * base's highest one (its own references to them through /__local_fixups__), each /__fixups__ label is looked up
 * in the base's /__symbols__, every fragment's __overlay__ is merged into its target (by phandle or
 * target-path; properties replaced in place, new properties and nodes put first, as libfdt splices them), and
 * the overlay's /__symbols__ are added with their paths rewritten to the targets. Values keep the overlay
 * source they came from, so findings on the result land in the .dtso. Where libfdt gives up, the problem is a
 * finding located at the overlay source that asked for the missing thing, and the rest is still applied.
 */
public final class OverlayApplication {

	private static final String PHANDLE = "phandle";
	private static final String LEGACY_PHANDLE = "linux,phandle";

	private final DtTree result;
	private final DtTree overlay;
	private final Consumer<Finding> problems;
	/** The overlay's values after renumbering and fixups; the overlay's own tree is never changed. */
	private final Map<DtProperty, byte[]> values = new IdentityHashMap<>();

	private OverlayApplication(DtTree result, DtTree overlay, Consumer<Finding> problems) {
		this.result = result;
		this.overlay = overlay;
		this.problems = problems;
	}

	/** A new tree: {@code base} with {@code overlay} applied; neither of them changes. */
	public static DtTree apply(DtTree base, DtTree overlay, Consumer<Finding> problems) {
		DtTree result = base.copy();
		new OverlayApplication(result, overlay, problems).run();
		return result;
	}

	private void run() {
		long delta = maxPhandle(result.root());
		renumberPhandles(overlay.root(), delta);
		DtNode localFixups = overlay.root().child(OverlayNames.LOCAL_FIXUPS);
		if (localFixups != null) {
			renumberLocalReferences(localFixups, overlay.root(), delta);
		}
		DtNode fixups = overlay.root().child(OverlayNames.FIXUPS);
		if (fixups != null) {
			fixups.properties().forEach(this::fixup);
		}
		for (DtNode fragment : overlay.root().children()) {
			DtNode content = FdtPaths.child(fragment, OverlayNames.OVERLAY);
			if (content != null) {
				DtNode target = target(fragment);
				if (target != null) {
					merge(target, content);
				}
			}
		}
		mergeSymbols();
		refreshPhandles(result.root());
	}

	/** fdt_find_max_phandle(). */
	private static long maxPhandle(DtNode node) {
		long max = Integer.toUnsignedLong(FdtPaths.phandle(node));
		if (max == 0xffffffffL) {
			max = 0;
		}
		for (DtNode child : node.children()) {
			max = Math.max(max, maxPhandle(child));
		}
		return max;
	}

	/** overlay_adjust_node_phandles(). */
	private void renumberPhandles(DtNode node, long delta) {
		for (String name : List.of(PHANDLE, LEGACY_PHANDLE)) {
			DtProperty property = node.property(name);
			if (property != null && property.value() != null) {
				if (property.value().length() != 4) {
					problem(property.definedAt(), node, "bad " + name + " length " + property.value().length());
				} else {
					add(property, 0, delta);
				}
			}
		}
		node.children().forEach(child -> renumberPhandles(child, delta));
	}

	/** overlay_update_local_node_references(): each listed offset holds a phandle of the overlay itself. */
	private void renumberLocalReferences(DtNode fixupNode, DtNode treeNode, long delta) {
		for (DtProperty offsets : fixupNode.properties()) {
			DtProperty property = treeNode.property(offsets.name());
			if (property == null || property.value() == null) {
				problem(treeNode.definedAt(), treeNode, "__local_fixups__ names " + offsets.name() + ", which is not there");
				continue;
			}
			for (long offset : offsets.value().cells()) {
				add(property, (int) offset, delta);
			}
		}
		for (DtNode child : fixupNode.children()) {
			DtNode treeChild = FdtPaths.child(treeNode, child.name());
			if (treeChild != null) {
				renumberLocalReferences(child, treeChild, delta);
			}
		}
	}

	/** overlay_fixup_phandle(): every use of a label the overlay left open gets the base's phandle of it. */
	private void fixup(DtProperty label) {
		List<String> entries = label.value() == null ? List.of() : label.value().strings();
		int phandle = basePhandle(label.name(), entries);
		for (String entry : entries) {
			String[] parts = entry.split(":", 3);
			DtNode node = parts.length == 3 ? FdtPaths.find(overlay, parts[0]) : null;
			DtProperty property = node == null ? null : node.property(parts[1]);
			if (property == null || property.value() == null) {
				problem(label.definedAt(), overlay.root(), "bad __fixups__ entry " + entry);
			} else if (phandle != 0) {
				set(property, Integer.parseInt(parts[2]), phandle);
			}
		}
	}

	/** The base's phandle of a label, or 0 after a finding at the first use of the label in the overlay. */
	private int basePhandle(String label, List<String> entries) {
		DtNode symbols = result.root().child(OverlayNames.SYMBOLS);
		String problem = null;
		DtNode node = null;
		if (symbols == null) {
			problem = "the base has no /__symbols__ (compile it with dtc -@), so \"" + label + "\" cannot be resolved";
		} else {
			DtProperty path = symbols.property(label);
			if (path == null || path.value() == null) {
				problem = "label \"" + label + "\" not found in the base's /__symbols__";
			} else {
				node = FdtPaths.find(result, path.value().strings().get(0));
				if (node == null) {
					problem = "label \"" + label + "\" names " + path.value().strings().get(0) + ", which the base does not have";
				} else if (FdtPaths.phandle(node) == 0) {
					problem = "label \"" + label + "\" names " + node.path() + ", which has no phandle";
				}
			}
		}
		if (problem == null) {
			return FdtPaths.phandle(node);
		}
		problem(use(entries), overlay.root(), "cannot apply overlay: " + problem);
		return 0;
	}

	/** Where the first "path:property:offset" of a fixup was written in the overlay. */
	private SourceRef use(List<String> entries) {
		for (String entry : entries) {
			String[] parts = entry.split(":", 3);
			DtNode node = FdtPaths.find(overlay, parts[0]);
			DtProperty property = node == null || parts.length < 2 ? null : node.property(parts[1]);
			if (property != null) {
				return property.definedAt();
			}
		}
		return SourceRef.UNKNOWN;
	}

	/**
	 * overlay_get_target(): the base node a fragment applies to, by its "target" phandle or else its
	 * "target-path"; null, after a finding, when there is none.
	 */
	private DtNode target(DtNode fragment) {
		DtProperty target = fragment.property(OverlayNames.TARGET);
		if (target != null && target.value() != null) {
			byte[] bytes = bytes(target);
			int phandle = bytes.length == 4 ? ByteBuffer.wrap(bytes).getInt() : -1;
			DtNode node = phandle == -1 || phandle == 0 ? null : FdtPaths.byPhandle(result.root(), phandle);
			if (node == null) {
				problem(target.definedAt(), fragment, "cannot apply overlay: the target of " + fragment.name()
						+ (phandle == -1 ? " was not resolved" : String.format(" (phandle 0x%x) is not in the base", phandle)));
			}
			return node;
		}
		DtProperty path = fragment.property(OverlayNames.TARGET_PATH);
		if (path == null || path.value() == null) {
			problem(fragment.definedAt(), fragment, "cannot apply overlay: " + fragment.name() + " has neither target nor target-path");
			return null;
		}
		DtNode node = FdtPaths.find(result, path.value().strings().get(0));
		if (node == null) {
			problem(path.definedAt(), fragment, "cannot apply overlay: target-path " + path.value().strings().get(0)
					+ " not found in the base");
		}
		return node;
	}

	/** overlay_apply_node(). */
	private void merge(DtNode target, DtNode content) {
		for (DtProperty property : content.properties()) {
			PropertyValue value = property.value() == null ? null
					: new PropertyValue(bytes(property), property.value().references());
			target.setPropertyAsLibfdt(property.name(), value, property.definedAt());
		}
		for (DtNode child : content.children()) {
			DtNode into = FdtPaths.child(target, child.name());
			if (into == null) {
				into = target.addChildAsLibfdt(child.name(), child.definedAt());
			}
			into.addLabels(child.labels(), false);
			merge(into, child);
		}
	}

	/** overlay_symbol_update(): "/fragment@N/__overlay__/rest" becomes the target's path and "/rest". */
	private void mergeSymbols() {
		DtNode symbols = FdtPaths.child(overlay.root(), OverlayNames.SYMBOLS);
		if (symbols == null) {
			return;
		}
		DtNode into = FdtPaths.child(result.root(), OverlayNames.SYMBOLS);
		if (into == null) {
			into = result.root().addChildAsLibfdt(OverlayNames.SYMBOLS, SourceRef.UNKNOWN);
		}
		for (DtProperty symbol : symbols.properties()) {
			List<String> strings = symbol.value() == null ? List.of() : symbol.value().strings();
			if (strings.size() != 1 || !strings.get(0).startsWith("/")) {
				continue;
			}
			String path = strings.get(0);
			int slash = path.indexOf('/', 1);
			if (slash < 0) {
				continue; // not inside a fragment: it does not end up in the base
			}
			String rest = path.substring(slash);
			String relative;
			if (rest.startsWith("/" + OverlayNames.OVERLAY + "/")) {
				relative = rest.substring(OverlayNames.OVERLAY.length() + 2);
			} else if (rest.equals("/" + OverlayNames.OVERLAY)) {
				relative = "";
			} else {
				continue;
			}
			DtNode fragment = FdtPaths.child(overlay.root(), path.substring(1, slash));
			if (fragment == null) {
				problem(symbol.definedAt(), symbols, "cannot apply overlay: symbol " + symbol.name() + " names " + path
						+ ", which the overlay does not have");
				continue;
			}
			// looked up again, as libfdt does: a merged phandle may have renumbered the target
			DtNode target = target(fragment);
			if (target == null) {
				continue;
			}
			DtProperty targetPath = fragment.property(OverlayNames.TARGET) == null
					? fragment.property(OverlayNames.TARGET_PATH) : null;
			String base = targetPath != null ? targetPath.value().strings().get(0) : target.path();
			// libfdt writes the target path, then '/', then the rest (a symbol on __overlay__ itself keeps the '/')
			String full = (base.length() > 1 ? base : "") + "/" + relative;
			into.setPropertyAsLibfdt(symbol.name(), new PropertyValue((full + "\0").getBytes(StandardCharsets.UTF_8),
					List.of()), symbol.definedAt());
		}
	}

	private static void refreshPhandles(DtNode node) {
		node.setPhandle(FdtPaths.phandle(node));
		node.children().forEach(OverlayApplication::refreshPhandles);
	}

	private byte[] bytes(DtProperty property) {
		return values.computeIfAbsent(property, p -> p.value().bytes().clone());
	}

	private void add(DtProperty property, int offset, long delta) {
		byte[] bytes = bytes(property);
		if (offset >= 0 && offset + 4 <= bytes.length) {
			ByteBuffer buffer = ByteBuffer.wrap(bytes);
			buffer.putInt(offset, (int) (Integer.toUnsignedLong(buffer.getInt(offset)) + delta));
		}
	}

	private void set(DtProperty property, int offset, int value) {
		byte[] bytes = bytes(property);
		if (offset >= 0 && offset + 4 <= bytes.length) {
			ByteBuffer.wrap(bytes).putInt(offset, value);
		}
	}

	private void problem(SourceRef at, DtNode node, String message) {
		problems.accept(new Finding(EffectiveTreeBuilder.RULE_TREE, Severity.ERROR, message, at, node.path()));
	}
}
