package dev.carveout.dts.cpp;

import dev.carveout.dts.limits.InputLimit;
import dev.carveout.dts.limits.InputUsage;

/**
 * Prints tokens as gcc's cpp does (c-ppoutput.cc, scan_translation_unit): a newline before each token that starts
 * a source line, a space where the source had whitespace, and after a macro expansion a space only where gcc puts
 * one (padding tokens and cpp_avoid_paste). Matching gcc's spacing matters for dtc, which reads "&label",
 * "label:" and node names as single words. Tokens copied straight from a file keep their column layout within the
 * line, so a line of output maps onto its source line with one origin segment.
 */
final class OutputWriter {

	final StringBuilder out = new StringBuilder(1 << 16);
	final OriginMap origins = new OriginMap();
	/** The board's output budget is checked at each line and each expanded token, as they are written. */
	private final InputUsage usage;

	/** gcc's print.source: the token whose PREV_WHITE decides the space after padding. */
	private Tok source;
	/** gcc's avoid_paste: padding was seen since the last printed token. */
	private boolean avoidPaste;
	/** gcc's print.prev, reduced to what cpp_avoid_paste looks at; prevKind 0 is "none". */
	private int prevKind;
	private String prevText;
	/** The last directly printed file token, to copy the gap after it. */
	private LexedFile lastFile;
	private int lastEnd = -1;
	private boolean justChangedLine;

	OutputWriter(InputUsage usage) {
		this.usage = usage;
	}

	private void budget() {
		usage.check(InputLimit.PREPROCESSED_OUTPUT, out.length(), null);
	}

	/** A token that starts a source line is about to be read at base level: gcc's cb_line_change. */
	void lineChange(LexedFile lf, int i, FileContext ctx) {
		budget();
		if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
			out.append('\n');
		}
		int tokenStart = lf.start[i];
		int lineStart = tokenStart;
		String text = lf.text;
		while (lineStart > 0 && text.charAt(lineStart - 1) != '\n' && tokenStart - lineStart < 256) {
			lineStart--;
		}
		origins.direct(out.length(), ctx, lineStart);
		for (int k = lineStart; k < tokenStart; k++) {
			out.append(text.charAt(k) == '\t' ? '\t' : ' ');
		}
		prevKind = 0;
		source = null;
		lastFile = lf;
		lastEnd = tokenStart;
		justChangedLine = true;
	}

	void padding(Tok padding) {
		avoidPaste = true;
		if (source == null || !source.has(Tok.PREV_WHITE) && padding.source == null) {
			source = padding.source;
		}
	}

	/** A token of a file printed at base level, straight from the lexed arrays. */
	void direct(LexedFile lf, int i, FileContext ctx) {
		int kind = lf.kind[i];
		String punct = lf.names[i];
		int start = lf.start[i];
		boolean white = (lf.flags[i] & Tok.PREV_WHITE) != 0;
		if (justChangedLine) {
			// the indentation is printed already
		} else if (spaceNeeded(white, kind, punct, lf.text.charAt(start))) {
			if (white && lastFile == lf && lastEnd <= start && start - lastEnd < 256) {
				copyGap(lf.text, lastEnd, start);
			} else {
				out.append(' ');
			}
		}
		origins.direct(out.length(), ctx, start);
		out.append(lf.text, start, lf.end[i]);
		printed(kind, punct != null ? punct : kind == Tok.OTHER && lf.text.charAt(start) == '\\' ? "\\" : null);
		lastFile = lf;
		lastEnd = lf.end[i];
	}

	/** A token printed from a macro expansion (mapped to the invocation), or a file token that went through one. */
	void token(Tok t, FileContext ctx, int offset, String macro) {
		if (!justChangedLine && spaceNeeded(t.has(Tok.PREV_WHITE), t.kind, t.text,
				t.text.isEmpty() ? ' ' : t.text.charAt(0))) {
			out.append(' ');
		}
		if (ctx != null) {
			if (macro != null) {
				origins.expansion(out.length(), ctx, offset, macro);
			} else {
				origins.direct(out.length(), ctx, offset);
			}
		}
		out.append(t.text);
		printed(t.kind, t.text);
		lastFile = null;
		budget();
	}

	private boolean spaceNeeded(boolean white, int kind, String text, char first) {
		if (!avoidPaste) {
			return white;
		}
		boolean sourceWhite = source != null ? source.has(Tok.PREV_WHITE) : white;
		return sourceWhite || prevKind != 0 && avoidPaste(kind, text, first) || prevKind == 0 && "#".equals(text)
				&& kind == Tok.PUNCT;
	}

	private void printed(int kind, String text) {
		avoidPaste = false;
		source = null;
		prevKind = kind;
		prevText = text;
		justChangedLine = false;
	}

	private void copyGap(String text, int from, int to) {
		for (int k = from; k < to; k++) {
			char c = text.charAt(k);
			if (c == '\n') {
				out.append(' ');
				return;
			}
		}
		for (int k = from; k < to; k++) {
			out.append(text.charAt(k) == '\t' ? '\t' : ' ');
		}
	}

	/** gcc's cpp_avoid_paste: whether printing the token right after the previous one would lex differently. */
	private boolean avoidPaste(int kind, String text, char first) {
		int c = kind == Tok.PUNCT ? text.charAt(0) : -1;
		if (prevKind == Tok.PUNCT) {
			String a = prevText;
			if (c == '=' && isLastEq(a)) {
				return true;
			}
			switch (a) {
			case ">":
				return c == '>';
			case "<":
				return c == '<' || c == '%' || c == ':';
			case "+":
				return c == '+';
			case "-":
				return c == '-' || c == '>';
			case "/":
				return c == '/' || c == '*';
			case "%":
				return c == ':' || c == '%';
			case "&":
				return c == '&';
			case "|":
				return c == '|';
			case ":":
				return c == ':' || c == '>';
			case "->":
				return c == '*';
			case ".":
				return c == '.' || c == '%' || kind == Tok.NUMBER;
			case "#":
				return c == '#' || c == '%';
			default:
				return false;
			}
		}
		switch (prevKind) {
		case Tok.NAME:
			return kind == Tok.NAME || kind == Tok.CHAR || kind == Tok.STRING;
		case Tok.NUMBER:
			return kind == Tok.NUMBER || kind == Tok.NAME || kind == Tok.CHAR || c == '.' || c == '+' || c == '-';
		case Tok.OTHER:
			return prevText != null && prevText.startsWith("\\") && kind == Tok.NAME;
		default:
			return false;
		}
	}

	private static boolean isLastEq(String op) {
		switch (op) {
		case "=", "!", ">", "<", "+", "-", "*", "/", "%", "&", "|", "^", ">>", "<<":
			return true;
		default:
			return false;
		}
	}
}
