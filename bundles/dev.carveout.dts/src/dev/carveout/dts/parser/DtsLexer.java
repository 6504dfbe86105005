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
		state.type = PreprocessorLines.lexHash(input, RULE_PP_LINE, NumberSign);
	}
}
