package dev.carveout.dts.tree;

import dev.carveout.dts.dts.LabelReference;
import dev.carveout.dts.dts.PathReference;
import dev.carveout.dts.dts.Reference;

/** The text of a reference without its sigils: "&label" is "label", "&{/a/b}" is "/a/b". */
public final class References {

	private References() {
	}

	public static String target(Reference reference) {
		if (reference instanceof LabelReference l) {
			return l.getLabel().substring(1);
		}
		String path = ((PathReference) reference).getPath();
		return path.substring(2, path.length() - 1);
	}

	public static String label(dev.carveout.dts.dts.Label label) {
		String name = label.getName();
		return name.endsWith(":") ? name.substring(0, name.length() - 1) : name;
	}
}
