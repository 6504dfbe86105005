package dev.carveout.dts.tree;

import org.eclipse.emf.ecore.EObject;

import dev.carveout.memmap.SourceRef;

/** Where a parsed element came from, in the original sources: a file as written, or through cpp's origins. */
public interface Locator {

	SourceRef locate(EObject element);
}
