package dev.carveout.memmap.rules;

import dev.carveout.memmap.Region;
import dev.carveout.memmap.Severity;

/** A rule that looks at one available region at a time; most rules are. */
abstract class RegionRule extends AbstractRule {

	RegionRule(String id, String name, Severity severity, String citation, String description) {
		super(id, name, severity, citation, description);
	}

	@Override
	public void check(RuleContext context, Sink sink) {
		for (Region region : context.availableRegions()) {
			check(region, context, sink);
		}
	}

	abstract void check(Region region, RuleContext context, Sink sink);

	/** A finding on the place that last defined {@code property} of the region ("" for the node itself). */
	final void report(Sink sink, Region region, String property, String message) {
		sink.accept(finding(message, region.definedAt(property), region.path()));
	}
}
