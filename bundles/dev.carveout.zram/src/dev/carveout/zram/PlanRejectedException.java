package dev.carveout.zram;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration cannot be deployed as it stands (on this board): nothing was sent. */
public class PlanRejectedException extends Exception {

	private static final long serialVersionUID = 1L;

	private final transient List<Diagnostic> diagnostics;

	public PlanRejectedException(List<Diagnostic> diagnostics) {
		super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
		this.diagnostics = List.copyOf(diagnostics);
	}

	public List<Diagnostic> diagnostics() {
		return diagnostics;
	}
}
