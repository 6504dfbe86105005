package dev.carveout.zram;

/**
 * A finding in a zram configuration file, placed where the engineer must look.
 *
 * @param line   1-based line
 * @param column 1-based column of the first offending character
 * @param length characters to highlight (at least 1)
 */
public record Diagnostic(Severity severity, int line, int column, int length, String message) {

	public enum Severity {
		ERROR, WARNING
	}

	public boolean isError() {
		return severity == Severity.ERROR;
	}

	@Override
	public String toString() {
		return line + ":" + column + ": " + severity.name().toLowerCase() + ": " + message;
	}
}
