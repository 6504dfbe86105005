package dev.carveout.dts.parser;

import java.util.Set;

import org.antlr.runtime.CharStream;

/**
 * Finds cpp directive lines as cpp does: '#' first on its line (after blanks), then a directive name (or a line
 * marker, which dtc reads itself). In
 * kernel trees '#address-cells' may start a line too; kbuild's cpp (-x assembler-with-cpp) passes such
 * lines through, and so do we. Used by the runtime and the content-assist lexers alike.
 */
public final class PreprocessorLines {

	private static final Set<String> DIRECTIVES = Set.of("include", "include_next", "define", "undef", "if", "ifdef",
			"ifndef", "elif", "elifdef", "elifndef", "else", "endif", "error", "warning", "pragma", "line", "ident");

	private PreprocessorLines() {
	}

	/**
	 * Lexes the '#' at LA(1), for the runtime and content-assist lexers alike: a whole directive line, or
	 * the '#' of a name like '#address-cells'. Returns the token type to emit.
	 */
	public static int lexHash(CharStream input, int directiveLineType, int hashType) {
		if (startsDirective(input)) {
			consumeLine(input);
			return directiveLineType;
		}
		input.consume();
		return hashType;
	}

	/** True when the '#' at LA(1) starts a directive line. */
	public static boolean startsDirective(CharStream input) {
		boolean indented = false;
		for (int back = -1;; back--) {
			int c = input.LA(back);
			if (c == CharStream.EOF || c == '\n' || c == '\r') {
				break;
			}
			if (c != ' ' && c != '\t') {
				return false;
			}
			indented = true;
		}
		int i = 2;
		while (input.LA(i) == ' ' || input.LA(i) == '\t') {
			i++;
		}
		// dtc's lexer takes a marker only with its '#' first on the line; an indented one is tokens to it
		if (i > 2 && !indented && isLineMarker(input, i)) {
			return true;
		}
		StringBuilder word = new StringBuilder();
		while (isIdentifierChar(input.LA(i))) {
			word.append((char) input.LA(i++));
		}
		return DIRECTIVES.contains(word.toString());
	}

	/**
	 * A line marker as cpp writes them, '# 12 "file.dts" 2': kbuild's cpp passes one written in the source
	 * through and dtc's lexer takes it as a line directive, not as tokens. {@code i} is the first digit, after the
	 * blanks dtc's lexer requires.
	 */
	private static boolean isLineMarker(CharStream input, int i) {
		int digits = i;
		while (input.LA(i) >= '0' && input.LA(i) <= '9') {
			i++;
		}
		int blanks = i;
		while (input.LA(i) == ' ' || input.LA(i) == '\t') {
			i++;
		}
		return i > digits && i > blanks && blanks > digits && input.LA(i) == '"';
	}

	/** Consumes the directive line, backslash-newline continuations included, up to (not including) its end. */
	public static void consumeLine(CharStream input) {
		while (true) {
			int c = input.LA(1);
			if (c == CharStream.EOF || c == '\n' || c == '\r') {
				return;
			}
			if (c == '\\' && (input.LA(2) == '\n' || input.LA(2) == '\r' && input.LA(3) == '\n')) {
				input.consume();
				if (input.LA(1) == '\r') {
					input.consume();
				}
			}
			input.consume();
		}
	}

	private static boolean isIdentifierChar(int c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
	}
}
