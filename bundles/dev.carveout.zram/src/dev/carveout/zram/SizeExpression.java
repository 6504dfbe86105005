package dev.carveout.zram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * zram-generator's size arithmetic ({@code zram-size}, {@code zram-resident-limit}): an expression over {@code ram},
 * the board's MemTotal in MiB, whose value is MiB.
 * <p>
 * zram-generator evaluates these with the fasteval crate; this reads the part of that language a size needs:
 * numbers, {@code ram}, {@code e}, {@code pi}, {@code + - * / % ^}, parentheses, {@code min()}, {@code max()},
 * {@code abs() int() ceil() floor() round()}. Hand-written (a small recursive descent) because no Java library
 * reads fasteval's grammar, and a general one (JEXL, a script engine) would accept far more than zram-generator does.
 */
public final class SizeExpression {

	/** zram-generator's default for {@code zram-size}. */
	public static final String DEFAULT_ZRAM_SIZE = "min(ram / 2, 4096)";

	private final String source;
	private final DoubleUnaryOperator value;

	private SizeExpression(String source, DoubleUnaryOperator value) {
		this.source = source;
		this.value = value;
	}

	public static SizeExpression parse(String text) throws ExpressionException {
		Reader reader = new Reader(text);
		DoubleUnaryOperator value = reader.sum();
		reader.skipSpace();
		if (!reader.atEnd()) {
			throw new ExpressionException(reader.pos, "unexpected '" + text.charAt(reader.pos) + "'");
		}
		return new SizeExpression(text.strip(), value);
	}

	public String source() {
		return source;
	}

	/** The value in MiB for a board with {@code ramMiB} of MemTotal. */
	public double evaluate(double ramMiB) {
		return value.applyAsDouble(ramMiB);
	}

	@Override
	public String toString() {
		return source;
	}

	private static final class Reader {
		private final String text;
		private int pos;

		Reader(String text) {
			this.text = text;
		}

		boolean atEnd() {
			return pos >= text.length();
		}

		void skipSpace() {
			while (!atEnd() && Character.isWhitespace(text.charAt(pos))) {
				pos++;
			}
		}

		boolean accept(char c) {
			skipSpace();
			if (!atEnd() && text.charAt(pos) == c) {
				pos++;
				return true;
			}
			return false;
		}

		DoubleUnaryOperator sum() throws ExpressionException {
			DoubleUnaryOperator left = product();
			while (true) {
				if (accept('+')) {
					DoubleUnaryOperator l = left, r = product();
					left = ram -> l.applyAsDouble(ram) + r.applyAsDouble(ram);
				} else if (accept('-')) {
					DoubleUnaryOperator l = left, r = product();
					left = ram -> l.applyAsDouble(ram) - r.applyAsDouble(ram);
				} else {
					return left;
				}
			}
		}

		DoubleUnaryOperator product() throws ExpressionException {
			DoubleUnaryOperator left = unary();
			while (true) {
				if (accept('*')) {
					DoubleUnaryOperator l = left, r = unary();
					left = ram -> l.applyAsDouble(ram) * r.applyAsDouble(ram);
				} else if (accept('/')) {
					DoubleUnaryOperator l = left, r = unary();
					left = ram -> l.applyAsDouble(ram) / r.applyAsDouble(ram);
				} else if (accept('%')) {
					DoubleUnaryOperator l = left, r = unary();
					left = ram -> l.applyAsDouble(ram) % r.applyAsDouble(ram);
				} else {
					return left;
				}
			}
		}

		DoubleUnaryOperator unary() throws ExpressionException {
			if (accept('-')) {
				DoubleUnaryOperator operand = unary();
				return ram -> -operand.applyAsDouble(ram);
			}
			if (accept('+')) {
				return unary();
			}
			return power();
		}

		/** {@code ^} binds tighter than the sign of its right operand and groups to the right, as in fasteval. */
		DoubleUnaryOperator power() throws ExpressionException {
			DoubleUnaryOperator base = primary();
			if (accept('^')) {
				DoubleUnaryOperator exponent = unary();
				return ram -> Math.pow(base.applyAsDouble(ram), exponent.applyAsDouble(ram));
			}
			return base;
		}

		DoubleUnaryOperator primary() throws ExpressionException {
			skipSpace();
			if (atEnd()) {
				throw new ExpressionException(pos, text.isBlank() ? "empty expression" : "expression ends too early");
			}
			char c = text.charAt(pos);
			if (accept('(')) {
				DoubleUnaryOperator inner = sum();
				expect(')');
				return inner;
			}
			if (Character.isDigit(c) || c == '.') {
				return number();
			}
			if (Character.isLetter(c)) {
				int start = pos;
				while (!atEnd() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
					pos++;
				}
				String name = text.substring(start, pos);
				return switch (name) {
				case "ram" -> ram -> ram;
				case "e" -> ram -> Math.E;
				case "pi" -> ram -> Math.PI;
				case "min", "max", "abs", "int", "ceil", "floor", "round" -> call(name, start);
				default -> throw new ExpressionException(start, "unknown name '" + name
						+ "' (a size knows ram, e, pi, min, max, abs, int, ceil, floor, round)");
				};
			}
			throw new ExpressionException(pos, "unexpected '" + c + "'");
		}

		DoubleUnaryOperator number() throws ExpressionException {
			int start = pos;
			while (!atEnd() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
				pos++;
			}
			String digits = text.substring(start, pos);
			double n;
			try {
				n = Double.parseDouble(digits);
			} catch (NumberFormatException e) {
				throw new ExpressionException(start, "bad number '" + digits + "'");
			}
			if (!atEnd() && Character.isLetter(text.charAt(pos))) {
				throw new ExpressionException(pos, "unexpected '" + text.charAt(pos)
						+ "' after a number (sizes are plain MiB: write 2048, not 2G)");
			}
			return ram -> n;
		}

		DoubleUnaryOperator call(String name, int start) throws ExpressionException {
			if (!accept('(')) {
				throw new ExpressionException(pos, "'(' expected after " + name);
			}
			List<DoubleUnaryOperator> args = new ArrayList<>();
			args.add(sum());
			while (accept(',')) {
				args.add(sum());
			}
			expect(')');
			boolean variadic = name.equals("min") || name.equals("max");
			if (!variadic && args.size() != 1) {
				throw new ExpressionException(start, name + "() takes one argument, got " + args.size());
			}
			DoubleUnaryOperator a = args.getFirst();
			return switch (name) {
			case "min" -> ram -> args.stream().mapToDouble(f -> f.applyAsDouble(ram)).min().orElseThrow();
			case "max" -> ram -> args.stream().mapToDouble(f -> f.applyAsDouble(ram)).max().orElseThrow();
			case "abs" -> ram -> Math.abs(a.applyAsDouble(ram));
			case "int" -> ram -> (double) (long) a.applyAsDouble(ram);
			case "ceil" -> ram -> Math.ceil(a.applyAsDouble(ram));
			case "floor" -> ram -> Math.floor(a.applyAsDouble(ram));
			case "round" -> ram -> Math.round(a.applyAsDouble(ram));
			default -> throw new IllegalStateException(name.toLowerCase(Locale.ROOT));
			};
		}

		void expect(char c) throws ExpressionException {
			if (!accept(c)) {
				skipSpace();
				throw new ExpressionException(pos, atEnd() ? "'" + c + "' expected at the end"
						: "'" + c + "' expected, found '" + text.charAt(pos) + "'");
			}
		}
	}
}
