package dev.carveout.dts.tree;

import java.util.List;
import java.util.function.BiConsumer;

import dev.carveout.dts.dts.BodyItem;
import dev.carveout.dts.dts.Directive;

/**
 * Reads a file that an include inside a node body names ('/include/ "clocks.dtsi"' in the middle of a
 * node, as dtc's lexer allows), and hands its items, as items of that body, to the builder.
 */
@FunctionalInterface
public interface BodyIncluder {

	/** Does nothing when the directive is not an include or the file cannot be read (a finding says why). */
	void include(Directive directive, Locator at, BiConsumer<List<BodyItem>, Locator> into);
}
