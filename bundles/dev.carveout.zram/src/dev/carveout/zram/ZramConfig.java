package dev.carveout.zram;

import java.util.List;

/** A parsed zram-generator.conf: its devices in index order and what was wrong with it. */
public record ZramConfig(List<DeviceConfig> devices, List<Diagnostic> diagnostics) {

	public ZramConfig {
		devices = List.copyOf(devices);
		diagnostics = List.copyOf(diagnostics);
	}

	public boolean hasErrors() {
		return diagnostics.stream().anyMatch(Diagnostic::isError);
	}

	public List<Diagnostic> errors() {
		return diagnostics.stream().filter(Diagnostic::isError).toList();
	}
}
