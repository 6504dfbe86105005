package dev.carveout.memmap.rules;

import dev.carveout.memmap.Finding;
import dev.carveout.memmap.Region;
import dev.carveout.memmap.Severity;

/** A rule that looks at one available region at a time; most rules are. */
abstract class RegionRule implements Rule {

	private final String id;
	private final String name;
	private final Severity severity;
	private final String citation;

	RegionRule(String id, String name, Severity severity, String citation) {
		this.id = id;
		this.name = name;
		this.severity = severity;
		this.citation = citation;
	}

	@Override
	public final String id() {
		return id;
	}

	@Override
	public final String name() {
		return name;
	}

	@Override
	public final Severity defaultSeverity() {
		return severity;
	}

	@Override
	public final String citation() {
		return citation;
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
		sink.accept(new Finding(id, severity, message, region.definedAt(property), region.path()));
	}
}
