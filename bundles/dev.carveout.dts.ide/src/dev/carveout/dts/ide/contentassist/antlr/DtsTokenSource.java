package dev.carveout.dts.ide.contentassist.antlr;

import org.antlr.runtime.TokenSource;

import dev.carveout.dts.ide.contentassist.antlr.internal.InternalDtsParser;

/**
 * The content-assist parser's token source (the generated parser names this class): the runtime's nesting guard,
 * with this parser's token numbers.
 */
public class DtsTokenSource extends dev.carveout.dts.parser.antlr.DtsTokenSource {

	public DtsTokenSource(TokenSource delegate) {
		super(delegate, InternalDtsParser.tokenNames);
	}
}
