package dev.carveout.dts.cpp;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the tokens of a #define line into a {@link Macro}, with gcc's assembler-mode leniency: in a function-like
 * macro a '#' not followed by a parameter stays a plain '#' (DeviceTree bodies contain "#address-cells").
 */
final class MacroParser {

	/** Thrown for a definition gcc rejects; the message is gcc's. */
	static final class BadDefinition extends Exception {
		private static final long serialVersionUID = 1L;

		BadDefinition(String message) {
			super(message, null, false, false);
		}
	}

	private MacroParser() {
	}

	/** Parses tokens [from, to) of a file: the macro name and what follows it on the #define line. */
	static Macro parse(LexedFile lf, int from, int to) throws BadDefinition {
		if (from >= to) {
			throw new BadDefinition("no macro name given in #define directive");
		}
		if (lf.kind[from] != Tok.NAME) {
			throw new BadDefinition("macro names must be identifiers");
		}
		String name = lf.names[from];
		if (name.equals("defined")) {
			throw new BadDefinition("\"defined\" cannot be used as a macro name");
		}
		int i = from + 1;
		List<String> params = null;
		boolean variadic = false;
		if (i < to && lf.isPunct(i, "(") && (lf.flags[i] & Tok.PREV_WHITE) == 0) {
			params = new ArrayList<>();
			i++;
			boolean expectName = true;
			while (true) {
				if (i >= to) {
					throw new BadDefinition("missing ')' in macro parameter list");
				}
				if (lf.isPunct(i, ")") && (!expectName || params.isEmpty())) {
					i++;
					break;
				}
				if (variadic) {
					throw new BadDefinition("missing ')' after \"...\"");
				}
				if (expectName) {
					if (lf.isPunct(i, "...")) {
						params.add("__VA_ARGS__");
						variadic = true;
						expectName = false;
					} else if (lf.kind[i] == Tok.NAME) {
						if (params.contains(lf.names[i])) {
							throw new BadDefinition("duplicate macro parameter \"" + lf.names[i] + "\"");
						}
						params.add(lf.names[i]);
						expectName = false;
						if (i + 1 < to && lf.isPunct(i + 1, "...")) {
							variadic = true;
							i++;
						}
					} else {
						throw new BadDefinition("expected parameter name, found \"" + lf.spelling(i) + "\"");
					}
				} else if (lf.isPunct(i, ",")) {
					expectName = true;
				} else {
					throw new BadDefinition("expected ',' or ')', found \"" + lf.spelling(i) + "\"");
				}
				i++;
			}
		}
		List<Tok> body = new ArrayList<>(to - i);
		boolean stringifyNext = false;
		int stringifyFlags = 0;
		for (; i < to; i++) {
			int flags = lf.flags[i] & Tok.PREV_WHITE;
			String spelling = lf.spelling(i);
			int kind = lf.kind[i];
			if (params != null && kind == Tok.PUNCT && spelling.equals("#") && i + 1 < to && lf.kind[i + 1] == Tok.NAME
					&& params.contains(lf.names[i + 1])) {
				stringifyNext = true;
				stringifyFlags = flags;
				continue;
			}
			if (kind == Tok.PUNCT && spelling.equals("##")) {
				if (body.isEmpty()) {
					throw new BadDefinition("'##' cannot appear at either end of a macro expansion");
				}
				int last = body.size() - 1;
				body.set(last, body.get(last).withFlag(Tok.PASTE_LEFT));
				if (i + 1 >= to) {
					throw new BadDefinition("'##' cannot appear at either end of a macro expansion");
				}
				continue;
			}
			int param = kind == Tok.NAME && params != null ? params.indexOf(spelling) : -1;
			if (param >= 0) {
				if (stringifyNext) {
					body.add(new Tok(Tok.PARAM, spelling, stringifyFlags | Tok.STRINGIFY, param, null, null, -1));
					stringifyNext = false;
				} else {
					body.add(new Tok(Tok.PARAM, spelling, flags, param, null, null, -1));
				}
			} else {
				body.add(Tok.of(kind, spelling, flags));
			}
		}
		if (!body.isEmpty()) {
			body.set(0, body.get(0).withoutFlag(Tok.PREV_WHITE));
		}
		return new Macro(name, params != null, params != null ? params.size() : 0, variadic, body.toArray(Tok[]::new));
	}
}
