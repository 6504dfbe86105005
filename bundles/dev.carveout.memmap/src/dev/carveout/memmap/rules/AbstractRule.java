package dev.carveout.memmap.rules;

import java.util.List;

import dev.carveout.memmap.Finding;
import dev.carveout.memmap.SourceRef;
import dev.carveout.memmap.Severity;

/** The identity every rule has, given once in its constructor; subclasses only say what they check. */
abstract class AbstractRule implements Rule {

	private final String id;
	private final String name;
	private final Severity severity;
	private final String citation;
	private final String description;

	AbstractRule(String id, String name, Severity severity, String citation, String description) {
		this.id = id;
		this.name = name;
		this.severity = severity;
		this.citation = citation;
		this.description = description;
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
	public final String description() {
		return description;
	}

	/** A finding of this rule, with the other places it involves; the rule set applies the configured severity. */
	final Finding finding(String message, SourceRef at, String nodePath, Finding.Related... related) {
		return new Finding(id, severity, message, at, nodePath, List.of(related));
	}
}
