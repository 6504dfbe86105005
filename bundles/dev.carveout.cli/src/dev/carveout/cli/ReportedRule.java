package dev.carveout.cli;

import java.util.ArrayList;
import java.util.List;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.InternalFailure;
import dev.carveout.dts.tree.EffectiveTreeBuilder;
import dev.carveout.memmap.Severity;
import dev.carveout.memmap.bootlog.BootLogComparison;
import dev.carveout.memmap.rules.Rule;
import dev.carveout.memmap.rules.Rules;

/**
 * Every id {@code carveout check} can report, with what it means: the engine's rules, then the boot-log
 * comparison and the problems of reading a board (syntax, input, effective tree), which are not rules of the
 * table but findings all the same.
 */
record ReportedRule(String id, String name, Severity defaultSeverity, String description, String citation) {

	static final List<ReportedRule> ALL = all();

	private static List<ReportedRule> all() {
		List<ReportedRule> all = new ArrayList<>();
		for (Rule rule : Rules.ALL) {
			all.add(new ReportedRule(rule.id(), rule.name(), rule.defaultSeverity(), rule.description(), rule.citation()));
		}
		all.add(new ReportedRule(BootLogComparison.RULE, "boot_log_drift", Severity.WARNING,
				"Boot log that disagrees with the source. The kernel's boot log (--boot-log) disagrees with the source: a region is missing, extra, moved, resized or "
						+ "flagged differently from what the DTS declares.",
				"drivers/of/of_reserved_mem.c: fdt_init_reserved_mem() prints \"OF: reserved mem: ...\" for each region it registers"));
		all.add(new ReportedRule(BoardChecker.RULE_SYNTAX, "dts_syntax", Severity.ERROR,
				"Syntax error. A syntax error in the board or a file it includes: dtc stops and no DTB is built.",
				"scripts/dtc/dtc-parser.y: dtc's grammar"));
		all.add(new ReportedRule(BoardChecker.RULE_INPUT, "input", Severity.ERROR,
				"Input that cannot be read. A file that cannot be read or preprocessed: a missing #include or /include/ file, an unreadable file, "
						+ "#error or a malformed directive: kbuild's cpp or dtc stops the build.",
				"scripts/Makefile.lib: cmd_dtc runs cpp -nostdinc -undef -D__DTS__ -x assembler-with-cpp, then dtc"));
		all.add(new ReportedRule(EffectiveTreeBuilder.RULE_TREE, "effective_tree", Severity.ERROR,
				"Tree that dtc cannot build. The tree cannot be built as dtc builds it: a reference to a label or path that does not exist, a label "
						+ "defined twice: dtc stops (or warns, for a duplicate label in __symbols__).",
				"scripts/dtc/livetree.c and checks.c: reference resolution and duplicate labels"));
		all.add(new ReportedRule(InternalFailure.RULE, "internal_failure", Severity.ERROR,
				"Carveout failed on the board. Checking or reporting the board failed inside Carveout (a bug, or input it cannot yet refuse with a "
						+ "finding of its own): the board was not checked. The message names the error and where in Carveout it happened; "
						+ "please report it with the board. The run went on with the other boards and exits with status 4.",
				"none: a failure of Carveout, not of the board"));
		return List.copyOf(all);
	}

	/** The description's first sentence: a title for lists of rules. */
	String title() {
		int end = description.indexOf(". ");
		return end < 0 ? description : description.substring(0, end);
	}

	static int indexOf(String id) {
		for (int i = 0; i < ALL.size(); i++) {
			if (ALL.get(i).id().equals(id)) {
				return i;
			}
		}
		return -1;
	}
}
