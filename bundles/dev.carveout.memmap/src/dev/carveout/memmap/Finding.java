package dev.carveout.memmap;

/**
 * One problem found in a board: the rule that found it, how loud it is, what the kernel will do, where it is
 * (the file and line that defined the offending value) and the effective-tree path of the node concerned.
 */
public record Finding(String ruleId, Severity severity, String message, SourceRef at, String nodePath) {

	public Finding withSeverity(Severity newSeverity) {
		return new Finding(ruleId, newSeverity, message, at, nodePath);
	}
}
