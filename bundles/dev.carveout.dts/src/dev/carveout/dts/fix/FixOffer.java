package dev.carveout.dts.fix;

import java.util.List;

/**
 * The quick fixes for one finding, and when there are none because a value is written with a macro or an
 * expression, why: the editor, the language server and the CLI show the reason instead of a silent nothing.
 */
public record FixOffer(List<Fix> fixes, String whyNone) {

	public FixOffer {
		fixes = List.copyOf(fixes);
		whyNone = fixes.isEmpty() ? whyNone : null;
	}
}
