package dev.carveout.dts.parser.antlr;

import org.antlr.runtime.Token;
import org.antlr.runtime.TokenSource;

/**
 * The lexer's tokens, unchanged. Xtext wraps the lexer in a token source because PP_LINE is a synthetic
 * token; here it is synthetic only because DtsLexer recognizes it by cpp's line rule, not for indentation.
 */
public class DtsTokenSource implements TokenSource {

	private final TokenSource delegate;

	public DtsTokenSource(TokenSource delegate) {
		this.delegate = delegate;
	}

	@Override
	public Token nextToken() {
		return delegate.nextToken();
	}

	@Override
	public String getSourceName() {
		return delegate.getSourceName();
	}
}
