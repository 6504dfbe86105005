package dev.carveout.dts.cpp;

/**
 * A preprocessing token as the macro expander handles it. Tokens read straight from a file and printed at once
 * never become a Tok (see {@link LexedFile}); only macro names, arguments, macro bodies and their expansions
 * do. Apart from {@link #withFlag}, a Tok is never changed once built, so bodies and arguments can share them.
 */
final class Tok {

	static final int NAME = 1;
	static final int NUMBER = 2;
	/** A '...' literal, as cpp's assembler mode lexes it when the quote is closed on its line. */
	static final int CHAR = 3;
	static final int STRING = 4;
	/** A stray character, or an unterminated quote running to the end of its line (assembler mode). */
	static final int OTHER = 5;
	static final int PUNCT = 6;
	/** gcc's padding token: carries no text, only spacing information in {@link #source}. */
	static final int PADDING = 7;
	/** A macro parameter in a body; {@link #param} is its index. */
	static final int PARAM = 8;
	/** The end of a directive line or of a macro argument being pre-expanded. */
	static final int EOF = 9;
	/** The empty operand of ## (C99 placemarker); removed once pasting is done. */
	static final int PLACEMARKER = 10;

	/** Whitespace or a comment came before the token on its line (or it starts a line inside macro arguments). */
	static final int PREV_WHITE = 1;
	/** First token of a source line. */
	static final int BOL = 2;
	/** Painted blue: the macro it names was disabled when it was seen, so it is never expanded. */
	static final int NO_EXPAND = 4;
	/** In a macro body: the token is the left operand of ##. */
	static final int PASTE_LEFT = 8;
	/** In a macro body: the parameter is the operand of #. */
	static final int STRINGIFY = 16;

	/** The padding gcc returns when a macro context ends: "avoid pasting with what came before". */
	static final Tok AVOID_PASTE = padding(null);

	final int kind;
	final String text;
	final int flags;
	/** For PARAM: the parameter index. */
	final int param;
	/** For PADDING: the token whose PREV_WHITE decides the spacing, or null. */
	final Tok source;
	/** For tokens read from a file: the file's context and the token's offset in the file's spliced text. */
	final FileContext file;
	final int offset;

	Tok(int kind, String text, int flags, int param, Tok source, FileContext file, int offset) {
		this.kind = kind;
		this.text = text;
		this.flags = flags;
		this.param = param;
		this.source = source;
		this.file = file;
		this.offset = offset;
	}

	static Tok of(int kind, String text, int flags) {
		return new Tok(kind, text, flags, -1, null, null, -1);
	}

	static Tok padding(Tok source) {
		return new Tok(PADDING, "", 0, -1, source, null, -1);
	}

	boolean has(int flag) {
		return (flags & flag) != 0;
	}

	boolean is(String punct) {
		return kind == PUNCT && text.equals(punct);
	}

	Tok withFlags(int newFlags) {
		return newFlags == flags ? this : new Tok(kind, text, newFlags, param, source, file, offset);
	}

	Tok withFlag(int flag) {
		return withFlags(flags | flag);
	}

	Tok withoutFlag(int flag) {
		return withFlags(flags & ~flag);
	}

	@Override
	public String toString() {
		return kind == PADDING ? "<pad>" : kind == PARAM ? "<param" + param + ">" : text;
	}
}
