package dev.carveout.memmap.rules;

import dev.carveout.memmap.Finding;
import dev.carveout.memmap.SourceRef;
import dev.carveout.memmap.Severity;

/** The identity every rule has, given once in its constructor; subclasses only say what they check. */
abstract class AbstractRule implements Rule {

	private final String id;
	private final String name;
	private final Severity severity;
	private final String citation;

	AbstractRule(String id, String name, Severity severity, String citation) {
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

	/** A finding of this rule; the rule set applies the configured severity. */
	final Finding finding(String message, SourceRef at, String nodePath) {
		return new Finding(id, severity, message, at, nodePath);
	}
}
