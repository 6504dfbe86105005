package dev.carveout.zram;

import java.util.List;

/**
 * A parsed configuration set (or single file): its devices in index order, its {@code set!} variables in reading
 * order, the files it was read from in zram-generator's order, the version whose semantics were applied, and what was
 * wrong with it.
 */
public record ZramConfig(List<DeviceConfig> devices, List<SetVariable> variables, List<ConfigFile> files,
		GeneratorVersion version, List<Diagnostic> diagnostics) {

	public ZramConfig {
		devices = List.copyOf(devices);
		variables = List.copyOf(variables);
		files = List.copyOf(files);
		diagnostics = List.copyOf(diagnostics);
	}

	public boolean hasErrors() {
		return diagnostics.stream().anyMatch(Diagnostic::isError);
	}

	public List<Diagnostic> errors() {
		return diagnostics.stream().filter(Diagnostic::isError).toList();
	}

	/** The diagnostics of one file of the set. */
	public List<Diagnostic> diagnostics(String file) {
		return diagnostics.stream().filter(d -> d.file().equals(file)).toList();
	}
}
