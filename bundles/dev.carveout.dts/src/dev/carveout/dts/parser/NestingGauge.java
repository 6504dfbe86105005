package dev.carveout.dts.parser;

import java.util.Arrays;

import dev.carveout.dts.limits.InputLimit;

/**
 * Measures, token by token, how deep the parser will descend: nodes inside nodes, and inside an expression the
 * parentheses plus the operators of each (a chain of operators is a tree as deep as it is long, and every tree
 * walker recurses on it). Fed the lexer's tokens before the parser sees them, so a limit is found before the Java
 * stack is spent. An expression never spans ';', '{' or '}', so those end it: an unclosed '(' in half-typed text
 * does not add up over the file.
 */
public final class NestingGauge {

	/** What a token does to the nesting. */
	public enum Role {
		NONE, OPEN_NODE, CLOSE_NODE, OPEN_PAREN, CLOSE_PAREN, OPERATOR, END
	}

	private int nodes;
	private int expression;
	/** Operators seen in each open parenthesis. */
	private int[] operators = new int[16];
	private int parens;
	private int peakNodes;
	private int peakExpression;

	/** Feeds one token; returns the limit it goes past, or null. */
	public InputLimit feed(Role role) {
		switch (role) {
		case OPEN_NODE -> {
			endExpression();
			if (++nodes > peakNodes) {
				peakNodes = nodes;
				if (nodes > InputLimit.NODE_NESTING.value()) {
					return InputLimit.NODE_NESTING;
				}
			}
		}
		case CLOSE_NODE -> {
			endExpression();
			nodes = Math.max(0, nodes - 1);
		}
		case END -> endExpression();
		case OPEN_PAREN -> {
			if (parens == operators.length) {
				operators = Arrays.copyOf(operators, parens * 2);
			}
			operators[parens++] = 0;
			return deeper();
		}
		case CLOSE_PAREN -> {
			if (parens > 0) {
				expression -= 1 + operators[--parens];
			}
		}
		case OPERATOR -> {
			// outside parentheses '-', '+', '?' and ',' are parts of names (pinctrl-0)
			if (parens > 0) {
				operators[parens - 1]++;
				return deeper();
			}
		}
		default -> {
			// a name, a number, a string: no nesting
		}
		}
		return null;
	}

	private InputLimit deeper() {
		if (++expression > peakExpression) {
			peakExpression = expression;
			if (expression > InputLimit.EXPRESSION_NESTING.value()) {
				return InputLimit.EXPRESSION_NESTING;
			}
		}
		return null;
	}

	private void endExpression() {
		parens = 0;
		expression = 0;
	}

	public int peakNodes() {
		return peakNodes;
	}

	public int peakExpression() {
		return peakExpression;
	}
}
