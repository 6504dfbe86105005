package dev.carveout.dts.ide.contentassist;

import org.antlr.runtime.CharStream;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;

import dev.carveout.dts.ide.contentassist.antlr.lexer.InternalDtsLexer;
import dev.carveout.dts.parser.PreprocessorLines;

/** The content-assist lexer, with cpp directive lines recognized as the runtime lexer does. */
public class DtsContentAssistLexer extends InternalDtsLexer {

	public DtsContentAssistLexer() {
	}

	public DtsContentAssistLexer(CharStream input) {
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
