package dev.carveout.dts.parser.antlr;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenSource;

import dev.carveout.dts.limits.InputLimit;
import dev.carveout.dts.parser.NestingGauge;
import dev.carveout.dts.parser.NestingGauge.Role;
import dev.carveout.dts.parser.antlr.internal.InternalDtsParser;

/**
 * The lexer's tokens, with their nesting measured before the parser descends (ANTLR's parser is recursive
 * descent: a few thousand nested nodes or a few hundred parentheses would overflow the Java stack). Past a
 * nesting limit it hands the parser one {@link LimitToken}, which no rule accepts, so the parse ends with one
 * syntax error there that {@link dev.carveout.dts.parser.LimitSyntaxErrors} words as the limit, and then the end
 * of input. Every parse goes through here: the engine's board parse, the Xtext resource parse of the editor and
 * the language server, the quick fixes' re-parse. (Xtext wraps the lexer in a token source because PP_LINE is a
 * synthetic token, which DtsLexer recognizes by cpp's line rule.)
 */
public class DtsTokenSource implements TokenSource {

	private static final Set<String> OPERATORS = Set.of("ExclamationMarkEqualsSign", "AmpersandAmpersand",
			"LessThanSignLessThanSign", "LessThanSignEqualsSign", "EqualsSignEqualsSign", "GreaterThanSignEqualsSign",
			"GreaterThanSignGreaterThanSign", "VerticalLineVerticalLine", "ExclamationMark", "PercentSign",
			"Ampersand", "Asterisk", "PlusSign", "HyphenMinus", "Solidus", "LessThanSign", "GreaterThanSign",
			"QuestionMark", "CircumflexAccent", "VerticalLine", "Tilde");

	private static final Role[] RUNTIME_ROLES = roles(InternalDtsParser.tokenNames);

	private final TokenSource delegate;
	private final Role[] roles;
	private final int unacceptedType;
	private final NestingGauge gauge = new NestingGauge();
	private boolean stopped;

	public DtsTokenSource(TokenSource delegate) {
		this(delegate, InternalDtsParser.tokenNames, RUNTIME_ROLES);
	}

	/** For a parser generated from the same grammar with its own token numbers (content assist). */
	protected DtsTokenSource(TokenSource delegate, String[] tokenNames) {
		this(delegate, tokenNames, roles(tokenNames));
	}

	private DtsTokenSource(TokenSource delegate, String[] tokenNames, Role[] roles) {
		this.delegate = delegate;
		this.roles = roles;
		this.unacceptedType = Arrays.asList(tokenNames).indexOf("RULE_ANY_OTHER");
	}

	/** Each token type's effect on the nesting, by the names the generator gives the grammar's keywords. */
	static Role[] roles(String[] tokenNames) {
		List<String> names = Arrays.asList(tokenNames);
		Role[] roles = new Role[tokenNames.length];
		for (int type = 0; type < roles.length; type++) {
			roles[type] = switch (names.get(type)) {
			case "LeftCurlyBracket" -> Role.OPEN_NODE;
			case "RightCurlyBracket" -> Role.CLOSE_NODE;
			case "LeftParenthesis" -> Role.OPEN_PAREN;
			case "RightParenthesis" -> Role.CLOSE_PAREN;
			case "Semicolon" -> Role.END;
			default -> OPERATORS.contains(names.get(type)) ? Role.OPERATOR : Role.NONE;
			};
		}
		return roles;
	}

	@Override
	public Token nextToken() {
		if (stopped) {
			return Token.EOF_TOKEN;
		}
		Token token = delegate.nextToken();
		int type = token.getType();
		if (type < 0 || type >= roles.length || token.getChannel() != Token.DEFAULT_CHANNEL) {
			return token;
		}
		InputLimit limit = gauge.feed(roles[type]);
		if (limit == null) {
			return token;
		}
		stopped = true;
		return new LimitToken(token, unacceptedType, limit);
	}

	/** How deep the tokens read so far nest (the corpus survey measures real boards with it). */
	public NestingGauge gauge() {
		return gauge;
	}

	@Override
	public String getSourceName() {
		return delegate.getSourceName();
	}

	/** The token at which a nesting limit was passed, standing where it was: the parse stops there. */
	public static final class LimitToken extends CommonToken {

		private static final long serialVersionUID = 1L;

		private final InputLimit limit;

		LimitToken(Token at, int type, InputLimit limit) {
			super(at);
			setType(type);
			this.limit = limit;
		}

		public InputLimit limit() {
			return limit;
		}
	}
}
