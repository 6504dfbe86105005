package dev.carveout.dts.nav;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.cpp.Origin;
import dev.carveout.dts.tree.DtNode;
import dev.carveout.memmap.SourceRef;

/**
 * Go to definition the way cpp and dtc resolve names, for every front end (the editor's F3 and Ctrl+click, the
 * language server's definition request): {@code &label} and {@code &{/path}} go to where the node was first defined
 * in the board's effective tree (often a .dtsi), an include line to the file cpp (or dtc, for /include/) would read,
 * a macro name to its #define. DTS has no cross-references a parser could follow, so this reads the text under the
 * cursor, which also works while the file does not parse and inside macro arguments.
 */
public final class Definitions {

	/** What the text at the cursor names: [start, start + length) of the file, and where it is defined. */
	public record Definition(int start, int length, SourceRef target) {
	}

	private static final Pattern REFERENCE = Pattern.compile("&\\{([^}\\n]*)\\}|&([A-Za-z_][A-Za-z0-9_]*)");
	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final CheckResult board;
	private final IncludeGraph includes;

	/**
	 * @param board    the check of the board the file is read as part of (its tree resolves labels, its cpp run
	 *                 knows the macros)
	 * @param includes resolves include lines with the board's include directories
	 */
	public Definitions(CheckResult board, IncludeGraph includes) {
		this.board = board;
		this.includes = includes;
	}

	/** What the text at {@code offset} of {@code file} names and where that is defined; empty for anything else. */
	public Optional<Definition> at(Path file, String text, int offset) {
		IncludeGraph.Include include = includes.includeAt(file, text, offset);
		if (include != null) {
			return include.target() == null ? Optional.empty()
					: Optional.of(new Definition(include.offset(), include.length(), new SourceRef(include.target(), 1, 1, 0, 0)));
		}
		Matcher reference = around(REFERENCE, text, offset);
		if (reference != null) {
			String target = reference.group(1) != null ? reference.group(1) : reference.group(2);
			DtNode node = board.tree() == null ? null : board.tree().resolve(target);
			return node == null || !node.definedAt().isKnown() ? Optional.empty()
					: Optional.of(new Definition(reference.start(), reference.end() - reference.start(), node.definedAt()));
		}
		Matcher word = around(IDENTIFIER, text, offset);
		if (word != null && board.preprocessed() != null) {
			Origin macro = board.preprocessed().macros().of(word.group());
			if (macro != null) {
				return Optional.of(new Definition(word.start(), word.end() - word.start(),
						new SourceRef(macro.file(), macro.line(), macro.column(), macro.offset(), word.group().length())));
			}
		}
		return Optional.empty();
	}

	/** The match of {@code pattern} on the cursor's line that contains the cursor (its end included), or null. */
	static Matcher around(Pattern pattern, String text, int offset) {
		int at = Math.max(0, Math.min(offset, text.length()));
		int lineStart = text.lastIndexOf('\n', at - 1) + 1;
		int lineEnd = text.indexOf('\n', at);
		Matcher m = pattern.matcher(text).region(lineStart, lineEnd < 0 ? text.length() : lineEnd);
		while (m.find()) {
			if (m.start() <= at && at <= m.end()) {
				return m;
			}
		}
		return null;
	}
}
