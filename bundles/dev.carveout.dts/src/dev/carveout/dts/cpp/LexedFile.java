package dev.carveout.dts.cpp;

import java.nio.file.Path;
import java.util.Arrays;

import dev.carveout.memmap.Severity;

/**
 * One file cut into preprocessing tokens, once, then shared by every board that includes it (see
 * {@link LexCache}); never changed after lexing. Tokens live in parallel arrays instead of objects so that
 * 1,118 boards' worth of shared .dtsi files and headers stay small and fast to walk.
 * <p>
 * Offsets in {@link #start}/{@link #end} are in {@link #text}, the file with backslash-newlines and the CR of
 * CRLF removed; {@link #physical} maps them back to offsets in the file as read (null when nothing was removed).
 */
final class LexedFile {

	final Path path;
	final String content;
	/** The spliced text the tokens point into: the content itself unless something was spliced. */
	final String text;
	/** Logical (spliced) offset to offset in {@link #content}; null when they are the same. */
	final int[] physical;
	/** Offsets in {@link #content} where lines start. */
	final int[] lineStarts;

	final int count;
	final byte[] kind;
	final byte[] flags;
	final int[] start;
	final int[] end;
	/** Spelling of NAME and PUNCT tokens (names interned, punctuators the lexer's constants); null otherwise. */
	final String[] names;
	/** Problems found while lexing (unterminated comment, NUL characters), as offsets, messages and severities. */
	final int[] problemOffsets;
	final String[] problems;
	final Severity[] problemSeverities;

	LexedFile(Path path, String content, String text, int[] physical, int[] lineStarts, int count, byte[] kind,
			byte[] flags, int[] start, int[] end, String[] names, int[] problemOffsets, String[] problems,
			Severity[] problemSeverities) {
		this.path = path;
		this.content = content;
		this.text = text;
		this.physical = physical;
		this.lineStarts = lineStarts;
		this.count = count;
		this.kind = kind;
		this.flags = flags;
		this.start = start;
		this.end = end;
		this.names = names;
		this.problemOffsets = problemOffsets;
		this.problems = problems;
		this.problemSeverities = problemSeverities;
	}

	/**
	 * Definitions parsed from this file's #define lines, by the index of the macro name; filled as boards use them
	 * (racing threads parse the same immutable definition, so no locking).
	 */
	private Macro[] definitions;

	/** The macro defined by tokens [from, to) of a #define line, parsed once per file. */
	Macro macroAt(int from, int to) throws MacroParser.BadDefinition {
		if (from >= to) {
			// "#define" with no name: nothing to cache, and at the end of the file no token at index from
			return MacroParser.parse(this, from, to);
		}
		Macro[] known = definitions;
		if (known == null) {
			known = new Macro[count];
			definitions = known;
		}
		Macro macro = known[from];
		if (macro == null) {
			macro = MacroParser.parse(this, from, to);
			known[from] = macro;
		}
		return macro;
	}

	private boolean guardKnown;
	private String guard;

	/**
	 * The include guard X when the whole file is {@code #ifndef X ... #endif} (gcc's multiple-include
	 * optimization): once X is defined, including the file again yields nothing, so it need not be scanned.
	 * Null when the file has no such guard. Computed once; a racing thread at worst computes it again.
	 */
	String guard() {
		if (!guardKnown) {
			guard = findGuard();
			guardKnown = true;
		}
		return guard;
	}

	private String findGuard() {
		if (count < 4 || !isDirective(0, "ifndef") || kind[2] != Tok.NAME || lineEnd(0) != 3) {
			return null;
		}
		int depth = 0;
		for (int i = 0; i < count; i = lineEnd(i)) {
			if (!isPunct(i, "#") || i + 1 >= count || startsLine(i + 1) || kind[i + 1] != Tok.NAME) {
				continue;
			}
			switch (names[i + 1]) {
			case "if", "ifdef", "ifndef" -> depth++;
			case "else", "elif", "elifdef", "elifndef" -> {
				if (depth == 1) {
					return null;
				}
			}
			case "endif" -> {
				if (--depth == 0) {
					return lineEnd(i) == count ? names[2] : null;
				}
			}
			default -> {
				// other directives do not matter
			}
			}
		}
		return null;
	}

	private boolean isDirective(int i, String name) {
		return startsLine(i) && isPunct(i, "#") && i + 1 < count && !startsLine(i + 1) && kind[i + 1] == Tok.NAME
				&& names[i + 1].equals(name);
	}

	String spelling(int i) {
		String name = names[i];
		return name != null ? name : text.substring(start[i], end[i]);
	}

	boolean isPunct(int i, String punct) {
		return kind[i] == Tok.PUNCT && names[i].equals(punct);
	}

	boolean startsLine(int i) {
		return (flags[i] & Tok.BOL) != 0;
	}

	/** Index of the first token of the next line after token i (count at the end of the file). */
	int lineEnd(int i) {
		int j = i + 1;
		while (j < count && (flags[j] & Tok.BOL) == 0) {
			j++;
		}
		return j;
	}

	int physicalOffset(int logical) {
		if (physical == null) {
			return logical;
		}
		return logical < physical.length ? physical[logical] : content.length();
	}

	/** 1-based line of an offset in {@link #content}. */
	int lineOf(int physicalOffset) {
		int i = Arrays.binarySearch(lineStarts, physicalOffset);
		return i >= 0 ? i + 1 : -i - 1;
	}

	/** 1-based column of an offset in {@link #content}. */
	int columnOf(int physicalOffset) {
		return physicalOffset - lineStarts[lineOf(physicalOffset) - 1] + 1;
	}
}
