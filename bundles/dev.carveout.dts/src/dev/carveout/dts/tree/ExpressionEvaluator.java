package dev.carveout.dts.tree;

import dev.carveout.dts.dts.Binary;
import dev.carveout.dts.dts.CharLiteral;
import dev.carveout.dts.dts.Conditional;
import dev.carveout.dts.dts.Expression;
import dev.carveout.dts.dts.Literal;
import dev.carveout.dts.dts.MacroCall;
import dev.carveout.dts.dts.Unary;

/** Evaluates dtc's integer expressions: C precedence, 64-bit unsigned arithmetic (dtc-parser.y). */
public final class ExpressionEvaluator {

	private ExpressionEvaluator() {
	}

	public static long evaluate(Expression e) throws UnknownValueException {
		try {
			if (e instanceof Literal literal) {
				return Literals.integer(literal.getValue());
			}
			if (e instanceof CharLiteral c) {
				return Literals.character(c.getValue());
			}
		} catch (UnknownValueException bad) {
			// a literal dtc's lexer refuses stops dtc: an error at the literal, not merely an unknown value
			throw new UnknownValueException(bad.getMessage(), e);
		}
		if (e instanceof Unary u) {
			long v = evaluate(u.getOperand());
			return switch (u.getOp()) {
				case "-" -> -v;
				case "~" -> ~v;
				default -> v == 0 ? 1 : 0;
			};
		}
		if (e instanceof Conditional c) {
			// dtc's parser computes every operand before it chooses: an error in the branch not taken stops it too
			long condition = evaluate(c.getCondition());
			long then = evaluate(c.getThen());
			long otherwise = evaluate(c.getElse());
			return condition != 0 ? then : otherwise;
		}
		if (e instanceof Binary b) {
			return binary(b);
		}
		if (e instanceof MacroCall m) {
			throw new UnknownValueException("macro " + m.getName() + " is not expanded");
		}
		throw new UnknownValueException("not an integer expression");
	}

	/** dtc's error, located as dtc locates it: from the left operand on (the parentheses around are not part of it). */
	private static UnknownValueException divisionByZero(Binary b) {
		return new UnknownValueException("Division by zero", b.getLeft());
	}

	private static long binary(Binary b) throws UnknownValueException {
		// both sides are computed, && and || too: dtc's parser reduces each operand before the operator, so a
		// division by zero on the side C would skip is still dtc's error
		long l = evaluate(b.getLeft());
		long r = evaluate(b.getRight());
		return switch (b.getOp()) {
			case "&&" -> l != 0 && r != 0 ? 1 : 0;
			case "||" -> l != 0 || r != 0 ? 1 : 0;
			case "|" -> l | r;
			case "^" -> l ^ r;
			case "&" -> l & r;
			case "==" -> l == r ? 1 : 0;
			case "!=" -> l != r ? 1 : 0;
			case "<" -> Long.compareUnsigned(l, r) < 0 ? 1 : 0;
			case ">" -> Long.compareUnsigned(l, r) > 0 ? 1 : 0;
			case "<=" -> Long.compareUnsigned(l, r) <= 0 ? 1 : 0;
			case ">=" -> Long.compareUnsigned(l, r) >= 0 ? 1 : 0;
			// dtc shifts a uint64_t; C leaves shifts of 64 or more undefined, x86 masks the count like Java.
			case "<<" -> l << r;
			case ">>" -> l >>> r;
			case "+" -> l + r;
			case "-" -> l - r;
			case "*" -> l * r;
			case "/" -> {
				if (r == 0) {
					throw divisionByZero(b);
				}
				yield Long.divideUnsigned(l, r);
			}
			case "%" -> {
				if (r == 0) {
					throw divisionByZero(b);
				}
				yield Long.remainderUnsigned(l, r);
			}
			default -> throw new UnknownValueException("unknown operator " + b.getOp());
		};
	}
}
