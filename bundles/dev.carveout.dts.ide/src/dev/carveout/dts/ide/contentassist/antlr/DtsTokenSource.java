package dev.carveout.dts.ide.contentassist.antlr;

import org.antlr.runtime.TokenSource;

/** The content-assist parser's token source: the runtime's pass-through (the generated parser names this class). */
public class DtsTokenSource extends dev.carveout.dts.parser.antlr.DtsTokenSource {

	public DtsTokenSource(TokenSource delegate) {
		super(delegate);
	}
}
