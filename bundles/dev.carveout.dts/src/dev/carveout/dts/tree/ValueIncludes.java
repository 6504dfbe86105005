package dev.carveout.dts.tree;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;

import dev.carveout.dts.dts.CellList;
import dev.carveout.dts.dts.IncludeDirective;
import dev.carveout.dts.limits.InputLimit;
import dev.carveout.memmap.SourceRef;

/**
 * The /include/s of one property's values, each file read once, and where each element of the property is: in the
 * board (the property's locator) or in a file one of its /include/s read. A file that includes itself stops at
 * {@link InputLimit#DTC_INCLUDE_DEPTH}, as top-level /include/s do.
 */
final class ValueIncludes implements IncludedValues, Locator {

	private record Read(IncludeDirective include, EObject root, ValueIncluder.Included included, int depth) {
	}

	private final ValueIncluder includer;
	private final Locator property;
	private List<Read> reads;

	ValueIncludes(ValueIncluder includer, Locator property) {
		this.includer = includer;
		this.property = property;
	}

	@Override
	public List<? extends EObject> contents(IncludeDirective include) throws UnknownValueException {
		Read container = readHolding(include);
		int depth = container == null ? 1 : container.depth() + 1;
		if (depth > InputLimit.DTC_INCLUDE_DEPTH.value()) {
			throw new UnknownValueException(InputLimit.DTC_INCLUDE_DEPTH.message(include.getFile()), include);
		}
		Locator at = container == null ? property : container.included().locator();
		ValueIncluder.Included included = includer.read(include, at, include.eContainer() instanceof CellList);
		if (included == null) {
			throw new UnknownValueException("/include/ " + include.getFile() + " is not read");
		}
		if (reads == null) {
			reads = new ArrayList<>();
		}
		EObject root = included.items().isEmpty() ? null : EcoreUtil.getRootContainer(included.items().get(0));
		reads.add(new Read(include, root, included, depth));
		return included.items();
	}

	@Override
	public SourceRef locate(EObject element) {
		Read read = readHolding(element);
		return read == null ? property.locate(element) : read.included().locator().locate(element);
	}

	/** The file read that holds {@code element}, or null when it is the property's own. */
	private Read readHolding(EObject element) {
		if (reads != null) {
			EObject root = EcoreUtil.getRootContainer(element);
			for (Read read : reads) {
				if (read.root() == root) {
					return read;
				}
			}
		}
		return null;
	}
}
