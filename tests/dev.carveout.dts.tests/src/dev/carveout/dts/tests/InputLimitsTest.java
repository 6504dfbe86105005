package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.IParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.carveout.dts.DtsLanguage;
import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.limits.InputLimit;
import dev.carveout.dts.parser.LimitSyntaxErrors;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.Severity;

/**
 * Each input limit of {@link InputLimit}, hit by the kind of file that used to overflow the stack or the heap:
 * one input error at the place that caused it, naming the cause and the number, and the board's work stopped.
 */
class InputLimitsTest {

	@TempDir
	Path dir;

	/** The one input error the board got, asserted to be at {@code line} of {@code file} and to say {@code message}. */
	private static Finding inputError(CheckResult result, Path file, int line, String message) {
		List<Finding> errors = result.findings().stream()
				.filter(f -> f.ruleId().equals(BoardChecker.RULE_INPUT) && f.message().contains(message)).toList();
		assertEquals(1, errors.size(), () -> "one '" + message + "' in " + result.findings());
		Finding error = errors.get(0);
		assertEquals(Severity.ERROR, error.severity());
		assertEquals(file, error.at().file(), error::toString);
		assertEquals(line, error.at().line(), error::toString);
		return error;
	}

	@Test
	void macrosThatDoubleFortyTimesStopAtTheExpansionBudget() {
		StringBuilder text = new StringBuilder("/dts-v1/;\n");
		for (int i = 0; i < 40; i++) {
			text.append("#define M").append(i).append(" M").append(i + 1).append(" M").append(i + 1).append('\n');
		}
		text.append("#define M40 1\n/ {\n\tx = <M0>;\n};\n");
		Boards boards = new Boards(dir);
		Path board = boards.write("bomb.dts", text.toString());
		CheckResult result = boards.check(board);
		inputError(result, board, 44, "macro M0 expands past " + InputLimit.MACRO_EXPANSION_TOKENS.value() + " tokens");
		assertNull(result.tree(), "the board stops at the limit");
	}

	@Test
	void macrosDoublingInAnIfLineStopToo() {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 35; i++) {
			text.append("#define D").append(i).append(" (D").append(i + 1).append("+D").append(i + 1).append(")\n");
		}
		text.append("#define D35 1\n#if D0\n#endif\n/dts-v1/;\n/ { };\n");
		Boards boards = new Boards(dir);
		Path board = boards.write("if.dts", text.toString());
		inputError(boards.check(board), board, 37, "macro D0 expands past");
	}

	/**
	 * Each #if line's expansion stays under the per-expansion limit (about 50,000 tokens, 2^13 doublings), so only
	 * their sum stops the board: at one of the later #if lines, never at the first ten.
	 */
	@Test
	void manyExpansionsEachUnderTheirLimitStopAtTheBoardsTokenBudget() {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 13; i++) {
			text.append("#define D").append(i).append(" (D").append(i + 1).append("+D").append(i + 1).append(")\n");
		}
		text.append("#define D13 1\n");
		int firstIf = 15;
		int ifs = 40;
		text.append("#if D0\n#endif\n".repeat(ifs)).append("/dts-v1/;\n/ { };\n");
		Boards boards = new Boards(dir);
		Path board = boards.write("many.dts", text.toString());
		CheckResult result = boards.check(board);
		Finding budget = inputError(result, board, result.findings().stream()
				.filter(f -> f.message().contains("of the board past")).mapToInt(f -> f.at().line()).findFirst().orElse(-1),
				"macro expansions of the board past " + InputLimit.MACRO_TOKENS_PER_BOARD.value() + " tokens");
		int ifIndex = (budget.at().line() - firstIf) / 2;
		assertTrue((budget.at().line() - firstIf) % 2 == 0 && ifIndex >= 10 && ifIndex < ifs, budget::toString);
		assertTrue(result.findings().stream().noneMatch(f -> f.message().contains("expands past")), result.findings()::toString);
		assertNull(result.tree(), "the board stops at the limit");
	}

	@Test
	void aChainOfMacrosStopsAtTheNestingLimit() {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 300; i++) {
			text.append("#define C").append(i).append(" C").append(i + 1).append('\n');
		}
		text.append("/dts-v1/;\n/ { x = <C0>; };\n");
		Boards boards = new Boards(dir);
		Path board = boards.write("chain.dts", text.toString());
		inputError(boards.check(board), board, 302, "macro C" + InputLimit.MACRO_NESTING.value() + " nested deeper than "
				+ InputLimit.MACRO_NESTING.value() + " expansions");
	}

	/** Each argument level expands the rest again: the work is quadratic, and the outermost macro is named. */
	@Test
	void nestedMacroArgumentsStopAtTheOutermostInvocation() {
		String text = "#define F(x) x\n/dts-v1/;\n/ {\n\tx = <" + "F(".repeat(5000) + "1" + ")".repeat(5000) + ">;\n};\n";
		Boards boards = new Boards(dir);
		Path board = boards.write("args.dts", text);
		assertEquals(7, inputError(boards.check(board), board, 4, "macro F expands past").at().column());
	}

	@Test
	void aBoardThatIncludesItselfStopsAtTheOutputBudget() {
		// a real board's size: 200 levels of #include __FILE__ would write 200 copies of it
		StringBuilder text = new StringBuilder("/dts-v1/;\n#include __FILE__\n/ {\n");
		for (int i = 0; text.length() < 60_000; i++) {
			text.append("\tnode").append(i).append(" { compatible = \"vendor,device\"; reg = <0x").append(i)
					.append(">; };\n");
		}
		text.append("};\n");
		Boards boards = new Boards(dir);
		Path board = boards.write("self.dts", text.toString());
		CheckResult result = boards.check(board);
		List<Finding> budget = result.findings().stream()
				.filter(f -> f.message().equals(InputLimit.PREPROCESSED_OUTPUT.message(null))).toList();
		assertEquals("preprocessed output of the board past 2 MiB", budget.get(0).message());
		assertEquals(board, budget.get(0).at().file());
		assertNull(result.tree());
	}

	/**
	 * Found by the fuzzer (en7581.dtsi with "#include __FILE__" after two headers): once the depth limit had been
	 * hit, the next #include at the same depth was let through and the depth crept on without end.
	 */
	@Test
	@Timeout(120)
	void aFileThatIncludesItselfAfterHeadersStopsAtTheIncludeDepth() {
		Boards boards = new Boards(dir);
		Path board = boards.write("board.dts", "/dts-v1/;\n#include \"soc.dtsi\"\n");
		Path soc = boards.write("soc.dtsi", "#include \"a.h\"\n#include \"b.h\"\n/ {\n#include __FILE__\n};\n");
		boards.write("a.h", "#define A 1\n");
		boards.write("b.h", "#define B 2\n");
		CheckResult result = boards.check(board);
		List<Finding> depth = result.findings().stream()
				.filter(f -> f.message().contains("exceeds maximum of " + InputLimit.INCLUDE_DEPTH.value())).toList();
		assertEquals(List.of(1, 2, 4), depth.stream().filter(f -> f.at().file().equals(soc)).map(f -> f.at().line())
				.toList(), depth::toString);
	}

	/**
	 * Found by tests/fuzz.sh 100000 (qcom-gpi.h with two self-includes before its guard): every level includes the
	 * header twice, 2^200 entries below the depth limit, each writing nothing; GNU cpp runs on for ever, and so did
	 * we, a thread lost for good and its depth errors filling the heap. The board stops at the files budget.
	 */
	@Test
	@Timeout(60)
	void aHeaderThatIncludesItselfTwiceStopsAtTheFilesBudget() {
		Boards boards = new Boards(dir);
		Path board = boards.write("board.dts", "/dts-v1/;\n#include \"twice.h\"\n/ { };\n");
		Path header = boards.write("twice.h",
				"#include \"twice.h\"\n#include \"twice.h\"\n#ifndef TWICE\n#define TWICE\n#endif\n");
		CheckResult result = boards.check(board);
		inputError(result, header, 2, "more than " + InputLimit.FILES_ENTERED.value() + " files entered through #include");
		assertNull(result.tree(), "the board stops at the limit");
	}

	@Test
	void aDtcIncludeOfItselfStopsAtDtcsDepth() {
		Boards boards = new Boards(dir);
		Path board = boards.write("board.dts", "/dts-v1/;\n/include/ \"loop.dtsi\"\n/ { };\n");
		Path loop = boards.write("loop.dtsi", "/ { a = <1>; };\n/include/ \"loop.dtsi\"\n");
		CheckResult result = boards.check(board);
		inputError(result, loop, 2, "/include/ nested deeper than 100");
		assertNull(result.tree());
	}

	@Test
	void thousandsOfNestedNodesAreOneErrorAtTheFirstTooDeep() {
		int limit = (int) InputLimit.NODE_NESTING.value();
		String text = "/dts-v1/;\n/ {\n" + "n {\n".repeat(3000) + "};\n".repeat(3000) + "};\n";
		Boards boards = new Boards(dir);
		Path board = boards.write("deep.dts", text);
		Finding error = inputError(boards.check(board), board, 2 + limit, "node nesting deeper than " + limit);
		assertEquals(3, error.at().column(), "at the '{' past the limit");
	}

	@Test
	void expressionsNestedTooDeeplyAreOneErrorEach() {
		String limit = "expression nesting deeper than " + InputLimit.EXPRESSION_NESTING.value();
		for (String cells : List.of("(".repeat(800) + "1" + ")".repeat(800), "(1" + " ? 1 : 0".repeat(2000) + ")",
				"(" + "~".repeat(3000) + "1)", "(" + "1 + ".repeat(9999) + "1)", "(" + "-(".repeat(700) + "1"
						+ ")".repeat(701))) {
			Boards boards = new Boards(dir);
			Path board = boards.write("expr.dts", "/dts-v1/;\n/ {\n\tx = <" + cells + ">;\n};\n");
			inputError(boards.check(board), board, 3, limit);
		}
	}

	/**
	 * Just below the limits the parser must not overflow half of a default thread stack (1 MiB on Linux x64), even
	 * interpreted: the limits are safe, not just set.
	 */
	@Test
	void justBelowTheLimitsTheParserFitsInHalfADefaultStack() throws InterruptedException {
		int nodes = (int) InputLimit.NODE_NESTING.value() - 1;
		int parens = (int) InputLimit.EXPRESSION_NESTING.value() - 1;
		String text = "/dts-v1/;\n/ {\n" + "n {\n".repeat(nodes) + "x = <" + "(".repeat(parens) + "1"
				+ ")".repeat(parens) + ">;\n" + "};\n".repeat(nodes) + "};\n";
		IParser parser = DtsLanguage.injector().getInstance(IParser.class);
		AtomicReference<Object> outcome = new AtomicReference<>();
		Thread thread = new Thread(null, () -> {
			try {
				IParseResult result = parser.parse(new StringReader(text));
				outcome.set(result.getSyntaxErrors());
			} catch (Throwable t) {
				outcome.set(t);
			}
		}, "small-stack", 512 * 1024);
		thread.start();
		thread.join();
		assertTrue(outcome.get() instanceof Iterable<?> errors && !errors.iterator().hasNext(), () -> "" + outcome.get());
	}

	@Test
	void theEditorsParseOfTheRawTextStopsAtTheLimitToo() {
		IParser parser = DtsLanguage.injector().getInstance(IParser.class);
		IParseResult result = parser.parse(new StringReader("/ {\n" + "n {\n".repeat(5000)));
		INode first = result.getSyntaxErrors().iterator().next();
		assertEquals("node nesting deeper than " + InputLimit.NODE_NESTING.value(),
				first.getSyntaxErrorMessage().getMessage());
		int offset = LimitSyntaxErrors.offset(first);
		assertEquals("n {\n".length() * (InputLimit.NODE_NESTING.value() - 1) + "/ {\n".length() + 2, offset);
	}

	@Test
	void tooManyPropertiesInANodeAndTooLargeAPropertyAreErrorsWhereTheyAre() {
		Boards boards = new Boards(dir);
		int limit = (int) InputLimit.PROPERTIES_PER_NODE.value();
		Path many = boards.write("many.dts", "/dts-v1/;\n/ {\n\tbig {\n" + "\t\tp;\n".repeat(limit + 5) + "\t};\n};\n");
		inputError(boards.check(many), many, 3 + limit + 1, "more than " + limit + " properties in node /big");

		// 4 bytes per cell: past the size limit in a quarter of the text (within the output budget)
		Path large = boards.write("large.dts", "/dts-v1/;\n/ {\n\tx = <" + "0 ".repeat((1 << 18) + 1) + ">;\n};\n");
		inputError(boards.check(large), large, 3, "property x larger than " + (1 << 20) + " bytes");
	}

	@Test
	void aFileLargerThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
		Boards boards = new Boards(dir);
		Path board = boards.write("board.dts", "/dts-v1/;\n#include \"huge.dtsi\"\n/ { };\n");
		Path huge = dir.resolve("huge.dtsi");
		try (var file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
			file.setLength(InputLimit.FILE_SIZE.value() + 1); // sparse: nothing is written
		}
		inputError(boards.check(board), board, 2, "file larger than 8 MiB");
	}

	@Test
	void everyLimitIsAboveWhatTheCorpusNeeds() {
		for (InputLimit limit : InputLimit.values()) {
			assertTrue(limit.value() >= 2 * limit.measured(), limit + " leaves no margin over " + limit.measured());
			assertNotNull(limit.message("X"));
		}
	}
}
