package dev.carveout.dts.parser;

import org.antlr.runtime.RecognitionException;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

import dev.carveout.dts.parser.antlr.DtsTokenSource.LimitToken;

/**
 * Words the syntax error at a {@link LimitToken} as the limit it stands for ("node nesting deeper than 256"),
 * with {@link #ISSUE_CODE} so that the engine reports it as an input problem and the token's offset as issue data
 * ({@link #offset}); other errors as Xtext does.
 */
public class LimitSyntaxErrors extends SyntaxErrorMessageProvider {

	public static final String ISSUE_CODE = "dev.carveout.dts.inputLimit";

	/** Whether a syntax error is a nesting limit. */
	public static boolean isLimit(INode error) {
		return ISSUE_CODE.equals(error.getSyntaxErrorMessage().getIssueCode());
	}

	/** Where a syntax error is: for a limit, the token past it. */
	public static int offset(INode error) {
		String[] data = error.getSyntaxErrorMessage().getIssueData();
		return isLimit(error) && data != null && data.length == 1 ? Integer.parseInt(data[0]) : error.getOffset();
	}

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		RecognitionException e = context.getRecognitionException();
		if (e != null && e.token instanceof LimitToken limit) {
			// the offset of the token past the limit: Xtext may attach the error to a node before it
			return new SyntaxErrorMessage(limit.limit().message(null), ISSUE_CODE,
					new String[] { Integer.toString(limit.getStartIndex()) });
		}
		return super.getSyntaxErrorMessage(context);
	}
}
