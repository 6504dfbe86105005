package dev.carveout.dts.cpp;

import java.util.ArrayList;
import java.util.List;

/** The # (stringizing) and ## (pasting) operators on substituted macro bodies, with GNU cpp's results. */
final class MacroOperators {

	private MacroOperators() {
	}

	/** gcc's stringify_arg: the argument's spelling as a string literal, one space where it had whitespace. */
	static Tok stringify(Tok[] arg) {
		StringBuilder sb = new StringBuilder("\"");
		Tok source = null;
		boolean first = true;
		for (Tok t : arg) {
			if (t.kind == Tok.PADDING) {
				if (source == null || !source.has(Tok.PREV_WHITE) && t.source == null) {
					source = t.source;
				}
				continue;
			}
			if (!first) {
				if (source == null) {
					source = t;
				}
				if (source.has(Tok.PREV_WHITE)) {
					sb.append(' ');
				}
			}
			source = null;
			first = false;
			if (t.kind == Tok.STRING || t.kind == Tok.CHAR) {
				for (int i = 0; i < t.text.length(); i++) {
					char c = t.text.charAt(i);
					if (c == '"' || c == '\\') {
						sb.append('\\');
					}
					sb.append(c);
				}
			} else {
				sb.append(t.text);
			}
		}
		return Tok.of(Tok.STRING, sb.append('"').toString(), 0);
	}

	/**
	 * Performs the ## operations of a substituted body (gcc does them while rescanning; the result is the same). A
	 * paste that does not form one token leaves both tokens, as cpp does in assembler mode.
	 */
	static Tok[] pasted(Tok[] tokens, boolean hasPaste) {
		if (!hasPaste) {
			return tokens;
		}
		List<Tok> result = new ArrayList<>(tokens.length);
		for (int i = 0; i < tokens.length; i++) {
			Tok lhs = tokens[i];
			if (!lhs.has(Tok.PASTE_LEFT)) {
				if (lhs.kind != Tok.PLACEMARKER) {
					result.add(lhs);
				}
				continue;
			}
			boolean pastedAny = false;
			while (lhs.has(Tok.PASTE_LEFT)) {
				int j = i + 1;
				while (j < tokens.length && tokens[j].kind == Tok.PADDING) {
					j++;
				}
				if (j >= tokens.length) {
					lhs = lhs.withoutFlag(Tok.PASTE_LEFT);
					break;
				}
				Tok rhs = tokens[j];
				i = j;
				if (lhs.kind == Tok.PLACEMARKER) {
					lhs = rhs;
					continue;
				}
				if (rhs.kind == Tok.PLACEMARKER) {
					lhs = lhs.withFlags(lhs.flags & ~Tok.PASTE_LEFT | rhs.flags & Tok.PASTE_LEFT);
					continue;
				}
				Tok joined = paste(lhs, rhs);
				if (joined == null) {
					result.add(lhs.withoutFlag(Tok.PASTE_LEFT));
					result.add(Tok.AVOID_PASTE);
					lhs = rhs;
					pastedAny = false;
					continue;
				}
				lhs = joined;
				pastedAny = true;
			}
			if (lhs.kind != Tok.PLACEMARKER) {
				result.add(lhs);
			}
			if (pastedAny) {
				result.add(Tok.AVOID_PASTE);
			}
		}
		return result.toArray(Tok[]::new);
	}

	/** The token lhs ## rhs, or null when the spellings do not form a single token. */
	private static Tok paste(Tok lhs, Tok rhs) {
		String spelling = lhs.text + rhs.text;
		char[] chars = spelling.toCharArray();
		int[] kind = new int[1];
		if (chars.length == 0) {
			return null;
		}
		if (chars.length >= 2 && chars[0] == '/' && (chars[1] == '/' || chars[1] == '*')) {
			return null;
		}
		int end = CppLexer.scanToken(chars, 0, chars.length, kind);
		if (end != chars.length) {
			return null;
		}
		String text = kind[0] == Tok.NAME ? CppLexer.intern(chars, 0, chars.length)
				: kind[0] == Tok.PUNCT ? CppLexer.punctuator(chars, 0, chars.length) : spelling;
		return new Tok(kind[0], text, lhs.flags & Tok.PREV_WHITE | rhs.flags & Tok.PASTE_LEFT, -1, null, null, -1);
	}
}
