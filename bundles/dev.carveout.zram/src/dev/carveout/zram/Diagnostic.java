package dev.carveout.zram;

/**
 * A finding in a zram configuration file, placed where the engineer must look.
 *
 * @param line   1-based line
 * @param column 1-based column of the first offending character
 * @param length characters to highlight (at least 1)
 * @param file   the board path of the file of a configuration set, or "" for a single file
 */
public record Diagnostic(Severity severity, int line, int column, int length, String message, String file) {

	public enum Severity {
		ERROR, WARNING
	}

	public Diagnostic(Severity severity, int line, int column, int length, String message) {
		this(severity, line, column, length, message, "");
	}

	public boolean isError() {
		return severity == Severity.ERROR;
	}

	@Override
	public String toString() {
		return (file.isEmpty() ? "" : file + ":") + line + ":" + column + ": " + severity.name().toLowerCase() + ": " + message;
	}
}
