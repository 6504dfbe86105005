package dev.carveout.dts.limits;

/**
 * Every limit the engine puts on its input, in one table: what it bounds, its value, and the largest amount any
 * of the 1,118 arm64 boards of Linux 6.12 needs with everything it includes (measured by {@code LimitsSurvey} in
 * the corpus tests, which fails when a limit leaves less than twice that). The nesting limits are also what the
 * parser's stack allows with room to spare. Each keeps one pathological file from taking the Java stack, the heap
 * or minutes of a run; none may fire on a real board. Hitting one is an {@code input} error where it was hit.
 */
public enum InputLimit {

	/** Characters of one file (board, .dtsi, header, /include/): sc7280.dtsi is the largest a board reads. */
	FILE_SIZE(8L << 20, 179_594, "file larger than %2$d MiB", 1L << 20),
	/** Characters cpp writes for one board: stops a board that #includes itself before it costs gigabytes. */
	PREPROCESSED_OUTPUT(2L << 20, 207_771, "preprocessed output of the board past %2$d MiB", 1L << 20),
	/** Tokens one outermost macro invocation expands to (macros that double 30 times). */
	MACRO_EXPANSION_TOKENS(100_000, 3_124, "macro %1$s expands past %2$d tokens", 1),
	/** Tokens all macro expansions of one board produce together, printed or in #if lines. */
	MACRO_TOKENS_PER_BOARD(1_000_000, 22_893, "macro expansions of the board past %2$d tokens", 1),
	/** Macro expansions open inside each other, and arguments expanded inside arguments (Java recursion). */
	MACRO_NESTING(200, 4, "macro %1$s nested deeper than %2$d expansions", 1),
	/** #include depth: GNU cpp's own limit, kept. */
	INCLUDE_DEPTH(200, 10, "#include nested depth %2$d exceeds maximum of %2$d", 1),
	/**
	 * Files cpp enters for one board, each re-entry of an unguarded file counted: a header that includes itself
	 * twice before its guard doubles at every level up to the depth limit, 2^200 entries that write next to
	 * nothing, so the output budget never sees them (GNU cpp runs on for ever; found by tests/fuzz.sh).
	 */
	FILES_ENTERED(10_000, 51, "more than %2$d files entered through #include", 1),
	/** dtc's /include/ depth (dtc's MAX_SRCFILE_DEPTH is 100): also stops a file that includes itself. */
	DTC_INCLUDE_DEPTH(100, 2, "/include/ nested deeper than %2$d", 1),
	/** Nodes inside nodes: the parser and the tree builder descend once per level. */
	NODE_NESTING(64, 9, "node nesting deeper than %2$d", 1),
	/**
	 * Parentheses, operators, ternaries and unary operators inside each other in one expression: the parser
	 * descends about 14 methods per parenthesis, and a chain of operators is a tree as deep as it is long.
	 */
	EXPRESSION_NESTING(64, 11, "expression nesting deeper than %2$d", 1),
	/** Properties of one node in one file's definition of it. */
	PROPERTIES_PER_NODE(10_000, 58, "more than %2$d properties in node %1$s", 1),
	/** Bytes of one property's value. */
	PROPERTY_SIZE(1L << 20, 3_272, "property %1$s larger than %2$d bytes", 1);

	/** The rule id of the findings a limit gives: BoardChecker's {@code input}. */
	public static final String RULE_ID = "input";

	private final long value;
	private final long measured;
	private final String message;
	private final long unit;

	InputLimit(long value, long measured, String message, long unit) {
		this.value = value;
		this.measured = measured;
		this.message = message;
		this.unit = unit;
	}

	/** The largest value allowed. */
	public long value() {
		return value;
	}

	/** The largest value seen on the corpus when the limit was set. */
	public long measured() {
		return measured;
	}

	/** The finding's message: the cause, {@code subject} (a macro, a node, a property) where it has one, and N. */
	public String message(String subject) {
		return String.format(message, subject, value / unit);
	}
}
