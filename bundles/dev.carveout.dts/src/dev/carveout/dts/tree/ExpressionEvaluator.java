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
		if (e instanceof Literal literal) {
			return Literals.integer(literal.getValue());
		}
		if (e instanceof CharLiteral c) {
			return Literals.character(c.getValue());
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
			return evaluate(c.getCondition()) != 0 ? evaluate(c.getThen()) : evaluate(c.getElse());
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
		long l = evaluate(b.getLeft());
		// && and || do not evaluate their right side when the left decides, as in C.
		if (b.getOp().equals("&&")) {
			return l != 0 && evaluate(b.getRight()) != 0 ? 1 : 0;
		}
		if (b.getOp().equals("||")) {
			return l != 0 || evaluate(b.getRight()) != 0 ? 1 : 0;
		}
		long r = evaluate(b.getRight());
		return switch (b.getOp()) {
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
