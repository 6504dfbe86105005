package dev.carveout.dts.cpp;

import dev.carveout.memmap.Severity;

/** A problem the preprocessor found (missing include, #error, bad #if, ...), at its place in the sources. */
public record CppDiagnostic(Severity severity, String message, Origin at) {

	@Override
	public String toString() {
		return (at != null ? at + ": " : "") + severity.name().toLowerCase() + ": " + message;
	}
}
