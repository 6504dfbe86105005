package dev.carveout.memmap;

import java.util.List;

/**
 * One problem found in a board: the rule that found it, how loud it is, what the kernel will do, where it is
 * (the file and line that defined the offending value), the effective-tree path of the node concerned, and
 * the other places that take part in it (the other region of an overlap), so a report can point at both.
 */
public record Finding(String ruleId, Severity severity, String message, SourceRef at, String nodePath, List<Related> related) {

	/** Another place a finding involves, with what it is there. */
	public record Related(String what, SourceRef at) {
	}

	public Finding {
		related = List.copyOf(related);
	}

	public Finding(String ruleId, Severity severity, String message, SourceRef at, String nodePath) {
		this(ruleId, severity, message, at, nodePath, List.of());
	}

	public Finding withSeverity(Severity newSeverity) {
		return new Finding(ruleId, newSeverity, message, at, nodePath, related);
	}

	public Finding withMessage(String newMessage) {
		return new Finding(ruleId, severity, newMessage, at, nodePath, related);
	}
}
