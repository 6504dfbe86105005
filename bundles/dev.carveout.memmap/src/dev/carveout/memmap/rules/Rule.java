package dev.carveout.memmap.rules;

import java.util.function.Consumer;

import dev.carveout.memmap.Finding;
import dev.carveout.memmap.Severity;

/** One check of a board's memory map against what the kernel will do with it. */
public interface Rule {

	/** Stable id, as in markers, CLI output and {@code --rule ID=...}: "R8". */
	String id();

	/** A short name in dtc's style: "reserved_memory_overlap". */
	String name();

	Severity defaultSeverity();

	/** The kernel (or dtc) source this rule models, in one line. */
	String citation();

	/**
	 * What the kernel (or dtc) does with a board this rule reports: a title sentence, then a sentence or two. The
	 * rule's help text (SARIF rule metadata).
	 */
	String description();

	void check(RuleContext context, Sink sink);

	/** Where a rule reports; the rule set fills in id and severity. */
	interface Sink extends Consumer<Finding> {
	}
}
