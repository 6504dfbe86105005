package dev.carveout.dts.cpp;

import java.util.List;

/**
 * Evaluates a #if expression after macro expansion ("defined" already replaced by 0 or 1), with cpp's rules:
 * intmax_t/uintmax_t arithmetic (64 bits), a result is unsigned if either operand is, identifiers are 0, and the
 * unevaluated side of &&, || and ?: may divide by zero.
 */
final class IfExpression {

	/** Thrown for a malformed expression; the message is gcc's wording where there is one. */
	static final class BadExpression extends Exception {
		private static final long serialVersionUID = 1L;

		BadExpression(String message) {
			super(message, null, false, false);
		}
	}

	private final List<Tok> tokens;
	private int pos;
	/** Depth of unevaluated operands, where division by zero is not an error. */
	private int skipping;
	private boolean unsigned;

	private IfExpression(List<Tok> tokens) {
		this.tokens = tokens;
	}

	static boolean evaluate(List<Tok> tokens) throws BadExpression {
		if (tokens.isEmpty()) {
			throw new BadExpression("#if with no expression");
		}
		IfExpression e = new IfExpression(tokens);
		long value = e.comma();
		if (e.pos < tokens.size()) {
			throw new BadExpression("missing binary operator before token \"" + tokens.get(e.pos).text + "\"");
		}
		return value != 0;
	}

	private Tok peek() {
		return pos < tokens.size() ? tokens.get(pos) : null;
	}

	private boolean accept(String punct) {
		Tok t = peek();
		if (t != null && t.is(punct)) {
			pos++;
			return true;
		}
		return false;
	}

	private long comma() throws BadExpression {
		long v = conditional();
		while (accept(",")) {
			v = conditional();
		}
		return v;
	}

	private long conditional() throws BadExpression {
		long c = binary(0);
		if (!accept("?")) {
			return c;
		}
		if (c == 0) {
			skipping++;
		}
		long a = comma();
		boolean au = unsigned;
		if (c == 0) {
			skipping--;
		}
		if (!accept(":")) {
			throw new BadExpression("'?' without following ':'");
		}
		if (c != 0) {
			skipping++;
		}
		long b = conditional();
		boolean bu = unsigned;
		if (c != 0) {
			skipping--;
		}
		unsigned = au || bu;
		return c != 0 ? a : b;
	}

	private static int precedence(String op) {
		switch (op) {
		case "||":
			return 1;
		case "&&":
			return 2;
		case "|":
			return 3;
		case "^":
			return 4;
		case "&":
			return 5;
		case "==", "!=":
			return 6;
		case "<", ">", "<=", ">=":
			return 7;
		case "<<", ">>":
			return 8;
		case "+", "-":
			return 9;
		case "*", "/", "%":
			return 10;
		default:
			return -1;
		}
	}

	/** Precedence climbing over the binary operators above minPrec. */
	private long binary(int minPrec) throws BadExpression {
		long left = unary();
		while (true) {
			Tok t = peek();
			if (t == null || t.kind != Tok.PUNCT) {
				return left;
			}
			int prec = precedence(t.text);
			if (prec <= minPrec) {
				return left;
			}
			pos++;
			String op = t.text;
			boolean lu = unsigned;
			if (op.equals("&&") || op.equals("||")) {
				boolean shortCut = op.equals("&&") ? left == 0 : left != 0;
				if (shortCut) {
					skipping++;
				}
				long right = binary(prec);
				if (shortCut) {
					skipping--;
				}
				left = op.equals("&&") ? (left != 0 && right != 0 ? 1 : 0) : (left != 0 || right != 0 ? 1 : 0);
				unsigned = false;
				continue;
			}
			long right = binary(prec);
			boolean ru = unsigned;
			left = apply(op, left, lu, right, ru);
		}
	}

	private long apply(String op, long a, boolean au, long b, boolean bu) throws BadExpression {
		boolean u = au || bu;
		switch (op) {
		case "*":
			unsigned = u;
			return a * b;
		case "/", "%":
			unsigned = u;
			if (b == 0) {
				if (skipping > 0) {
					return 0;
				}
				throw new BadExpression("division by zero in #if");
			}
			if (u) {
				return op.equals("/") ? Long.divideUnsigned(a, b) : Long.remainderUnsigned(a, b);
			}
			if (a == Long.MIN_VALUE && b == -1) {
				return op.equals("/") ? a : 0;
			}
			return op.equals("/") ? a / b : a % b;
		case "+":
			unsigned = u;
			return a + b;
		case "-":
			unsigned = u;
			return a - b;
		case "<<":
			unsigned = au;
			return shift(a, au, b, bu, true);
		case ">>":
			unsigned = au;
			return shift(a, au, b, bu, false);
		case "<":
			unsigned = false;
			return (u ? Long.compareUnsigned(a, b) < 0 : a < b) ? 1 : 0;
		case ">":
			unsigned = false;
			return (u ? Long.compareUnsigned(a, b) > 0 : a > b) ? 1 : 0;
		case "<=":
			unsigned = false;
			return (u ? Long.compareUnsigned(a, b) <= 0 : a <= b) ? 1 : 0;
		case ">=":
			unsigned = false;
			return (u ? Long.compareUnsigned(a, b) >= 0 : a >= b) ? 1 : 0;
		case "==":
			unsigned = false;
			return a == b ? 1 : 0;
		case "!=":
			unsigned = false;
			return a != b ? 1 : 0;
		case "&":
			unsigned = u;
			return a & b;
		case "^":
			unsigned = u;
			return a ^ b;
		case "|":
			unsigned = u;
			return a | b;
		default:
			throw new BadExpression("token \"" + op + "\" is not valid in preprocessor expressions");
		}
	}

	/** Shifts as cpp does: a negative count shifts the other way, counts of 64 or more give 0 (or -1). */
	private static long shift(long a, boolean au, long b, boolean bu, boolean left) {
		if (!bu && b < 0) {
			left = !left;
			b = b == Long.MIN_VALUE ? Long.MAX_VALUE : -b;
		}
		if (left) {
			return Long.compareUnsigned(b, 64) >= 0 ? 0 : a << b;
		}
		if (Long.compareUnsigned(b, 64) >= 0) {
			return !au && a < 0 ? -1 : 0;
		}
		return au ? a >>> b : a >> b;
	}

	private long unary() throws BadExpression {
		Tok t = peek();
		if (t == null) {
			throw new BadExpression("#if with no expression");
		}
		pos++;
		if (t.kind == Tok.PUNCT) {
			switch (t.text) {
			case "(": {
				long v = comma();
				if (!accept(")")) {
					throw new BadExpression("missing ')' in expression");
				}
				return v;
			}
			case "+":
				return unary();
			case "-":
				return -unary();
			case "~":
				return ~unary();
			case "!": {
				long v = unary();
				unsigned = false;
				return v == 0 ? 1 : 0;
			}
			default:
				throw new BadExpression("token \"" + t.text + "\" is not valid in preprocessor expressions");
			}
		}
		switch (t.kind) {
		case Tok.NUMBER:
			return number(t.text);
		case Tok.NAME:
			unsigned = false;
			return 0;
		case Tok.CHAR:
			unsigned = false;
			return character(t.text);
		default:
			throw new BadExpression("token \"" + t.text + "\" is not valid in preprocessor expressions");
		}
	}

	private long number(String s) throws BadExpression {
		int end = s.length();
		boolean u = false;
		while (end > 0) {
			char c = Character.toLowerCase(s.charAt(end - 1));
			if (c == 'u') {
				u = true;
				end--;
			} else if (c == 'l') {
				end--;
			} else {
				break;
			}
		}
		String digits = s.substring(0, end);
		int radix = 10;
		if (digits.startsWith("0x") || digits.startsWith("0X")) {
			radix = 16;
			digits = digits.substring(2);
		} else if (digits.startsWith("0b") || digits.startsWith("0B")) {
			radix = 2;
			digits = digits.substring(2);
		} else if (digits.length() > 1 && digits.charAt(0) == '0') {
			radix = 8;
			digits = digits.substring(1);
		}
		if (digits.isEmpty()) {
			throw new BadExpression("invalid integer constant \"" + s + "\" in #if");
		}
		long value = 0;
		for (int i = 0; i < digits.length(); i++) {
			int d = Character.digit(digits.charAt(i), radix);
			if (d < 0) {
				throw new BadExpression(
						(s.indexOf('.') >= 0 ? "floating constant" : "invalid integer constant \"" + s + "\"") + " in #if");
			}
			value = value * radix + d;
		}
		// like cpp, a decimal constant too large for intmax_t is unsigned, and so is one that needs the top bit
		unsigned = u || value < 0;
		return value;
	}

	private long character(String s) throws BadExpression {
		String body = s.substring(1, s.length() - 1);
		if (body.isEmpty()) {
			throw new BadExpression("empty character constant");
		}
		long value = 0;
		int chars = 0;
		for (int i = 0; i < body.length(); chars++) {
			int c = body.charAt(i++);
			if (c == '\\' && i < body.length()) {
				char e = body.charAt(i++);
				if (e >= '0' && e <= '7') {
					c = e - '0';
					for (int k = 0; k < 2 && i < body.length() && body.charAt(i) >= '0' && body.charAt(i) <= '7'; k++) {
						c = c * 8 + body.charAt(i++) - '0';
					}
				} else if (e == 'x') {
					c = 0;
					while (i < body.length() && Character.digit(body.charAt(i), 16) >= 0) {
						c = c * 16 + Character.digit(body.charAt(i++), 16);
					}
				} else {
					c = switch (e) {
					case 'n' -> '\n';
					case 't' -> '\t';
					case 'r' -> '\r';
					case 'a' -> 7;
					case 'b' -> 8;
					case 'f' -> 12;
					case 'v' -> 11;
					case 'e', 'E' -> 27;
					default -> e;
					};
				}
			}
			value = value << 8 | (c & 0xff);
		}
		// a plain char is signed on the machines cpp runs on; a multi-character constant is an int
		return chars == 1 ? (byte) value : (int) value;
	}
}
