package dev.carveout.dts.cpp;

import java.nio.file.Path;
import java.util.List;

import dev.carveout.dts.limits.InputUsage;

/**
 * The result of preprocessing one board: the text dtc would read, where each of its characters came from, the
 * problems found, the files read (main file first, then each included file once, in first-include order), and
 * where the macros defined at the end were defined, and how close it came to each input limit.
 */
public record PreprocessedUnit(String text, OriginMap origins, List<CppDiagnostic> diagnostics, List<Path> files,
		MacroDefinitions macros, InputUsage usage) {

	/** Whether a limit stopped the preprocessing: the text is then a prefix of the board's, not to be parsed. */
	public boolean stopped() {
		return usage.exceeded() != null;
	}

	/** A macro invocation in a file and the text it became, as dtc reads it. */
	public record MacroUse(String macro, Origin invocation, String expansion) {
	}

	/**
	 * The outermost macro invocation whose name covers {@code offset} of {@code file} (an offset in the file as
	 * read), or null. When a .dtsi is included twice, the first inclusion answers.
	 */
	public MacroUse macroUseAt(Path file, int offset) {
		for (OriginMap.Expansion expansion : origins.expansionsIn(file, text.length())) {
			Origin at = expansion.invocation();
			if (at.offset() <= offset && offset <= at.offset() + expansion.macro().length()) {
				String expanded = text.substring(Math.min(expansion.outputStart(), text.length()),
						Math.min(expansion.outputEnd(), text.length()));
				return new MacroUse(expansion.macro(), at, expanded.strip().replaceAll("\\s+", " "));
			}
		}
		return null;
	}
}
