package dev.carveout.zram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * zram-generator's size arithmetic ({@code zram-size}, {@code zram-resident-limit}, {@code set!} values): an
 * expression over {@code ram}, the board's MemTotal in whole MiB, and the {@code set!} variables, whose value is MiB.
 * <p>
 * zram-generator evaluates these with the fasteval crate (0.2), and this reads its language as it does: numbers with
 * an exponent and an SI suffix ({@code 2G} is 2·10⁹, {@code 1m} is 0.001), {@code + - * / % ^}, the comparisons,
 * {@code && || !}, parentheses or square brackets, {@code int ceil floor abs sign log round min max e() pi()}, the
 * trigonometric functions and {@code print()}. fasteval's precedence is not C's: {@code ^} (right to left), then
 * {@code %}, {@code /}, {@code *}, {@code -}, {@code +}, the comparisons, {@code &&}, {@code ||}, each its own level,
 * and a sign applies to the value after it only ({@code -2^2} is 4). A bare {@code e} or {@code pi} is a variable,
 * undefined unless {@code set!} made it. Hand-written (a small recursive descent) because no Java library reads
 * fasteval's grammar, and a general one (JEXL, a script engine) would accept far more than zram-generator does.
 */
public final class SizeExpression {

	/** zram-generator's default for {@code zram-size}. */
	public static final String DEFAULT_ZRAM_SIZE = "min(ram / 2, 4096)";

	/** One node of the expression; variables are looked up when evaluated, as fasteval does. */
	private interface Node {
		double eval(Map<String, Double> variables) throws ExpressionException;
	}

	/** fasteval's binary operators, lowest level first; {@code ^} is the only one that groups to the right. */
	private static final List<List<String>> LEVELS = List.of(List.of("||"), List.of("&&"),
			List.of("==", "!=", "<=", ">=", "<", ">"), List.of("+"), List.of("-"), List.of("*"), List.of("/"), List.of("%"),
			List.of("^"));

	private static final Map<String, Double> SUFFIXES = Map.of("T", 1e12, "G", 1e9, "M", 1e6, "K", 1e3, "k", 1e3,
			"m", 1e-3, "u", 1e-6, "µ", 1e-6, "n", 1e-9, "p", 1e-12);

	private final String source;
	private final Node root;

	private SizeExpression(String source, Node root) {
		this.source = source;
		this.root = root;
	}

	public static SizeExpression parse(String text) throws ExpressionException {
		Reader reader = new Reader(text);
		Node root = reader.expression();
		reader.skipSpace();
		if (!reader.atEnd()) {
			throw new ExpressionException(reader.pos, "unexpected '" + text.charAt(reader.pos) + "'");
		}
		return new SizeExpression(text.strip(), root);
	}

	public String source() {
		return source;
	}

	/** The value in MiB for a board with {@code ramMiB} of MemTotal and no {@code set!} variables. */
	public double evaluate(double ramMiB) throws ExpressionException {
		return evaluate(ramMiB, Map.of());
	}

	/**
	 * The value in MiB.
	 *
	 * @param variables the {@code set!} variables defined so far
	 * @throws ExpressionException a name that is neither {@code ram} nor a variable
	 */
	public double evaluate(double ramMiB, Map<String, Double> variables) throws ExpressionException {
		Map<String, Double> all = new HashMap<>(variables);
		all.put("ram", ramMiB);
		return root.eval(all);
	}

	@Override
	public String toString() {
		return source;
	}

	private static double bool(boolean b) {
		return b ? 1 : 0;
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

		boolean accept(String token) {
			skipSpace();
			if (text.startsWith(token, pos)) {
				pos += token.length();
				return true;
			}
			return false;
		}

		/** A value, then any number of operator-value pairs, combined by level as fasteval's evaluator does. */
		Node expression() throws ExpressionException {
			List<Node> values = new ArrayList<>();
			List<String> operators = new ArrayList<>();
			values.add(value());
			for (String op = operator(); op != null; op = operator()) {
				operators.add(op);
				values.add(value());
			}
			return combine(values, operators, 0);
		}

		String operator() {
			skipSpace();
			for (String op : List.of("||", "&&", "==", "!=", "<=", ">=", "<", ">", "+", "-", "*", "/", "%", "^")) {
				if (text.startsWith(op, pos)) {
					pos += op.length();
					return op;
				}
			}
			return null;
		}

		/** Splits at the lowest level present: left to right, except {@code ^}, which splits at its first. */
		static Node combine(List<Node> values, List<String> operators, int level) {
			if (operators.isEmpty()) {
				return values.getFirst();
			}
			for (int l = level; l < LEVELS.size(); l++) {
				List<String> ops = LEVELS.get(l);
				int split = -1;
				for (int i = 0; i < operators.size(); i++) {
					if (ops.contains(operators.get(i))) {
						split = i;
						if (ops.contains("^")) {
							break;
						}
					}
				}
				if (split >= 0) {
					Node left = combine(values.subList(0, split + 1), operators.subList(0, split), l);
					Node right = combine(values.subList(split + 1, values.size()), operators.subList(split + 1, operators.size()), l);
					return binary(operators.get(split), left, right);
				}
			}
			throw new IllegalStateException("every operator has a level");
		}

		static Node binary(String op, Node l, Node r) {
			return switch (op) {
			case "||" -> v -> {
				double a = l.eval(v);
				return a != 0 ? a : r.eval(v);
			};
			case "&&" -> v -> {
				double a = l.eval(v);
				return a == 0 ? a : r.eval(v);
			};
			case "==" -> v -> bool(l.eval(v) == r.eval(v));
			case "!=" -> v -> bool(l.eval(v) != r.eval(v));
			case "<=" -> v -> bool(l.eval(v) <= r.eval(v));
			case ">=" -> v -> bool(l.eval(v) >= r.eval(v));
			case "<" -> v -> bool(l.eval(v) < r.eval(v));
			case ">" -> v -> bool(l.eval(v) > r.eval(v));
			case "+" -> v -> l.eval(v) + r.eval(v);
			case "-" -> v -> l.eval(v) - r.eval(v);
			case "*" -> v -> l.eval(v) * r.eval(v);
			case "/" -> v -> l.eval(v) / r.eval(v);
			case "%" -> v -> l.eval(v) % r.eval(v);
			case "^" -> v -> Math.pow(l.eval(v), r.eval(v));
			default -> throw new IllegalStateException(op);
			};
		}

		Node value() throws ExpressionException {
			skipSpace();
			if (atEnd()) {
				throw new ExpressionException(pos, text.isBlank() ? "empty expression" : "expression ends too early");
			}
			char c = text.charAt(pos);
			if (accept("+")) {
				return value();
			}
			if (accept("-")) {
				Node operand = value();
				return v -> -operand.eval(v);
			}
			if (accept("!")) {
				Node operand = value();
				return v -> bool(operand.eval(v) == 0);
			}
			if (c == '(' || c == '[') {
				pos++;
				Node inner = expression();
				expect(c == '(' ? ')' : ']');
				return inner;
			}
			if (Character.isDigit(c) || c == '.') {
				return number();
			}
			if (Character.isLetter(c) && c < 0x80 || c == '_') {
				int start = pos;
				while (!atEnd() && (Character.isLetterOrDigit(text.charAt(pos)) && text.charAt(pos) < 0x80
						|| text.charAt(pos) == '_')) {
					pos++;
				}
				String name = text.substring(start, pos);
				skipSpace();
				boolean call = !atEnd() && (text.charAt(pos) == '(' || text.charAt(pos) == '[');
				if (Functions.isFunction(name) && call) {
					return Functions.call(name, arguments(), start);
				}
				if (call) {
					arguments();
					return v -> {
						throw new ExpressionException(start, "undefined function '" + name + "'");
					};
				}
				return v -> {
					Double value = v.get(name);
					if (value == null) {
						throw new ExpressionException(start, "undefined variable '" + name + "' (a size knows ram and the "
								+ "set! variables; e and pi are e() and pi())");
					}
					return value;
				};
			}
			throw new ExpressionException(pos, "unexpected '" + c + "'");
		}

		List<Node> arguments() throws ExpressionException {
			char open = text.charAt(pos++);
			char close = open == '(' ? ')' : ']';
			List<Node> args = new ArrayList<>();
			skipSpace();
			if (accept(String.valueOf(close))) {
				return args;
			}
			args.add(expression());
			while (accept(",") || accept(";")) {
				args.add(expression());
			}
			expect(close);
			return args;
		}

		Node number() throws ExpressionException {
			int start = pos;
			while (!atEnd() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
				pos++;
			}
			if (!atEnd() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
				int exponent = pos + 1;
				if (exponent < text.length() && (text.charAt(exponent) == '+' || text.charAt(exponent) == '-')) {
					exponent++;
				}
				if (exponent < text.length() && Character.isDigit(text.charAt(exponent))) {
					pos = exponent;
					while (!atEnd() && Character.isDigit(text.charAt(pos))) {
						pos++;
					}
				}
			}
			String digits = text.substring(start, pos);
			double n;
			try {
				n = Double.parseDouble(digits);
			} catch (NumberFormatException e) {
				throw new ExpressionException(start, "bad number '" + digits + "'");
			}
			if (!atEnd() && SUFFIXES.containsKey(String.valueOf(text.charAt(pos)))) {
				n *= SUFFIXES.get(String.valueOf(text.charAt(pos++)));
			}
			double value = n;
			return v -> value;
		}

		void expect(char c) throws ExpressionException {
			if (!accept(String.valueOf(c))) {
				skipSpace();
				throw new ExpressionException(pos, atEnd() ? "'" + c + "' expected at the end"
						: "'" + c + "' expected, found '" + text.charAt(pos) + "'");
			}
		}
	}

	/** fasteval's built-in functions: one table, with the argument counts fasteval checks when it parses. */
	private static final class Functions {

		/** Functions of exactly one argument. */
		private static final Map<String, DoubleUnaryOperator> UNARY = Map.ofEntries(
				Map.entry("int", x -> x < 0 ? Math.ceil(x) : Math.floor(x)),
				Map.entry("ceil", Math::ceil),
				Map.entry("floor", Math::floor),
				Map.entry("abs", Math::abs),
				Map.entry("sign", Math::signum),
				Map.entry("sin", Math::sin), Map.entry("cos", Math::cos), Map.entry("tan", Math::tan),
				Map.entry("asin", Math::asin), Map.entry("acos", Math::acos), Map.entry("atan", Math::atan),
				Map.entry("sinh", Math::sinh), Map.entry("cosh", Math::cosh), Map.entry("tanh", Math::tanh),
				Map.entry("asinh", x -> Math.log(x + Math.sqrt(x * x + 1))),
				Map.entry("acosh", x -> Math.log(x + Math.sqrt(x * x - 1))),
				Map.entry("atanh", x -> 0.5 * Math.log((1 + x) / (1 - x))));

		/** The others: {@code log(x)} is base 10, {@code round(m, x)} rounds to a multiple of m. */
		private static final Set<String> OTHERS = Set.of("log", "round", "min", "max", "e", "pi", "print");

		private Functions() {
		}

		static boolean isFunction(String name) {
			return UNARY.containsKey(name) || OTHERS.contains(name);
		}

		static Node call(String name, List<Node> args, int at) throws ExpressionException {
			int n = args.size();
			if (UNARY.containsKey(name)) {
				arity(name, n == 1, at, "expected one arg");
				DoubleUnaryOperator f = UNARY.get(name);
				Node x = args.getFirst();
				return v -> f.applyAsDouble(x.eval(v));
			}
			return switch (name) {
			case "e" -> {
				arity(name, n == 0, at, "expected no args");
				yield v -> Math.E;
			}
			case "pi" -> {
				arity(name, n == 0, at, "expected no args");
				yield v -> Math.PI;
			}
			case "log" -> {
				arity(name, n == 1 || n == 2, at, "expected log(x) or log(base,x)");
				Node base = n == 2 ? args.getFirst() : v -> 10;
				Node x = args.getLast();
				yield v -> Math.log(x.eval(v)) / Math.log(base.eval(v));
			}
			case "round" -> {
				arity(name, n == 1 || n == 2, at, "expected round(x) or round(modulus,x)");
				Node modulus = n == 2 ? args.getFirst() : v -> 1;
				Node x = args.getLast();
				yield v -> {
					double m = modulus.eval(v);
					return Math.signum(x.eval(v) / m) * Math.floor(Math.abs(x.eval(v) / m) + 0.5) * m;
				};
			}
			case "min", "max" -> {
				arity(name, n >= 1, at, "expected one or more args");
				boolean min = name.equals("min");
				yield v -> {
					double r = args.getFirst().eval(v);
					for (Node a : args.subList(1, n)) {
						double x = a.eval(v);
						// Rust's f64::min and max ignore NaN, Java's Math.min propagates it.
						r = Double.isNaN(r) ? x : Double.isNaN(x) ? r : min ? Math.min(r, x) : Math.max(r, x);
					}
					return r;
				};
			}
			case "print" -> {
				arity(name, n >= 1, at, "expected one or more args");
				yield args.getLast();
			}
			default -> throw new IllegalStateException(name);
			};
		}

		private static void arity(String name, boolean ok, int at, String message) throws ExpressionException {
			if (!ok) {
				throw new ExpressionException(at, name + ": " + message);
			}
		}
	}
}
