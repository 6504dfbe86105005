package dev.carveout.dts.fix;

import java.util.List;

/** The fixes a rule's fixer could write, before re-checking, and why one could not be written (a macro), if so. */
record Candidates(List<Fix> fixes, String whyNone) {

	static final Candidates NONE = new Candidates(List.of(), null);

	Candidates {
		fixes = fixes.stream().filter(f -> f != null).toList();
	}
}
