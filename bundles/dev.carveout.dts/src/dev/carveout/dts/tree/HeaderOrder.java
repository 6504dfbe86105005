package dev.carveout.dts.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.emf.ecore.EObject;

import dev.carveout.dts.dts.MemReserve;
import dev.carveout.dts.dts.PluginDirective;
import dev.carveout.dts.dts.VersionDirective;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.Severity;
import dev.carveout.memmap.SourceRef;

/**
 * dtc-parser.y's sourcefile rule, which the grammar leaves open: headers first ('/dts-v1/;', or '/dts-v1/; /plugin/;'
 * as one header), then /memreserve/s, then the tree. A missing first header, a header or /memreserve/ after the tree
 * has begun, and a /plugin/ not right after a /dts-v1/ are syntax errors, on the item where dtc's parser stops (its
 * first; dtc parses no further, so later ones are not reported). Headers whose flags differ from the one before are
 * dtc's "Header flags don't match earlier ones", reported when the headers end.
 */
final class HeaderOrder {

	private enum State {
		START, HEADERS, MEMRESERVES, TREE, FAILED
	}

	/** One header: where it begins and whether it said /plugin/. */
	private static final class Header {
		final SourceRef at;
		boolean plugin;

		Header(SourceRef at) {
			this.at = at;
		}
	}

	private final Consumer<Finding> problems;
	/** A .dtsi checked alone (no board includes it) is no board: not having /dts-v1/ is no fault of it. */
	private final boolean versionRequired;
	private final List<Header> headers = new ArrayList<>();
	private State state = State.START;
	/** The last item was a /dts-v1/, which a /plugin/ may complete. */
	private boolean afterVersion;

	HeaderOrder(Consumer<Finding> problems, boolean versionRequired) {
		this.problems = problems;
		this.versionRequired = versionRequired;
	}

	/** The next top-level item in dtc's order (cpp lines and /include/s are not items: dtc reads through them). */
	void see(EObject item, SourceRef at) {
		boolean version = item instanceof VersionDirective;
		if (state == State.FAILED) {
			return;
		}
		if (version) {
			if (state == State.START || state == State.HEADERS) {
				headers.add(new Header(at));
				state = State.HEADERS;
			} else {
				syntaxError(at, "/dts-v1/ after " + (state == State.TREE ? "the tree" : "/memreserve/")
						+ " (headers come first)");
			}
		} else if (item instanceof PluginDirective) {
			if (afterVersion) {
				headers.get(headers.size() - 1).plugin = true;
			} else {
				syntaxError(at, "/plugin/ must follow /dts-v1/;");
			}
		} else if (state == State.START && versionRequired) {
			syntaxError(at, "the file must begin with /dts-v1/;");
		} else if (item instanceof MemReserve) {
			endHeaders(at);
			if (state == State.TREE) {
				syntaxError(at, "/memreserve/ after the tree (it must come before the first node)");
			} else if (state != State.FAILED) {
				state = State.MEMRESERVES;
			}
		} else {
			endHeaders(at);
			state = state == State.FAILED ? state : State.TREE;
		}
		afterVersion = version && state != State.FAILED;
	}

	/**
	 * dtc compares each header with the one after it as its parser reduces them, which it does once it has read the
	 * token after the last header. The error names the later header's line, and the file the lexer is in by then:
	 * {@code next}'s, which differs when the headers end in an included file (dtc's position of the error shares
	 * its file name with the lexer). Reported on the header, and in dtc's file too when that is another.
	 */
	private void endHeaders(SourceRef next) {
		if (state != State.HEADERS) {
			return;
		}
		for (int i = 1; i < headers.size(); i++) {
			if (headers.get(i).plugin != headers.get(i - 1).plugin) {
				SourceRef at = headers.get(i).at;
				problem(at, "Header flags don't match earlier ones");
				if (at.isKnown() && next.isKnown() && !at.file().equals(next.file())) {
					problem(new SourceRef(next.file(), at.line(), at.column(), 0, 0), "Header flags don't match earlier"
							+ " ones (the header at " + at.file().getFileName() + ":" + at.line() + ", named as dtc names it)");
				}
			}
		}
	}

	private void syntaxError(SourceRef at, String why) {
		problem(at, "syntax error: " + why);
		state = State.FAILED;
	}

	private void problem(SourceRef at, String message) {
		problems.accept(new Finding(EffectiveTreeBuilder.RULE_TREE, Severity.ERROR, message, at, null));
	}
}
