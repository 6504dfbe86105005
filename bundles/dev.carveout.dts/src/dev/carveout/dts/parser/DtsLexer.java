package dev.carveout.dts.parser;

import org.antlr.runtime.CharStream;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;

import dev.carveout.dts.parser.antlr.lexer.InternalDtsLexer;

/** The generated lexer, with cpp directive lines recognized by cpp's rule (see {@link PreprocessorLines}). */
public class DtsLexer extends InternalDtsLexer {

	public DtsLexer() {
	}

	public DtsLexer(CharStream input) {
		super(input);
	}

	@Override
	public void mTokens() throws RecognitionException {
		if (input.LA(1) != '#') {
			super.mTokens();
			return;
		}
		state.channel = Token.DEFAULT_CHANNEL;
		// RULE_PP_LINE and NumberSign are constants of the generated lexer, compiled into this class: a grammar
		// change that renumbers tokens (a new keyword) needs this class compiled again, which an incremental build
		// that sees no change here does not do
		state.type = PreprocessorLines.lexHash(input, RULE_PP_LINE, NumberSign);
	}
}
