package dev.carveout.dts.tree;

import java.util.List;

import org.eclipse.emf.ecore.EObject;

import dev.carveout.dts.dts.IncludeDirective;

/** Reads the file an /include/ inside a property value names ('reg = <0 /include/ "base.dtsi" 0x1000>;'). */
@FunctionalInterface
public interface ValueIncluder {

	/** Nothing is read. */
	ValueIncluder NONE = (include, at, cells) -> null;

	/**
	 * The file parsed as values, or as cells when {@code cells} (the /include/ stands inside '<>'), with the locator of
	 * its elements; null when it cannot be read (a finding says why).
	 */
	Included read(IncludeDirective include, Locator at, boolean cells);

	/** A file's values or cells, and where they are in it. */
	record Included(List<? extends EObject> items, Locator locator) {
	}
}
