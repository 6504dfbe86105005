package dev.carveout.dts.tests;

import static dev.carveout.dts.tests.MemorySources.expand;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Macro definition and expansion with the full C rules, as GNU cpp applies them to DeviceTree sources. */
class CppMacroTest {

	@Test
	void objectLikeMacroExpandsWhereverTokensStand() {
		assertEquals("/ { node@1 { reg = <0x10>; prop_name; }; };",
				expand("#define ADDR 0x10\n#define NAME prop_name\n/ { node@1 { reg = <ADDR>; NAME; }; };\n"));
	}

	@Test
	void functionLikeMacroWithArguments() {
		assertEquals("<((1) + ((2, 3)))>", expand("#define ADD(a, b) ((a) + (b))\n<ADD(1, (2, 3))>\n"));
	}

	@Test
	void functionLikeNameWithoutParenthesisIsNotExpanded() {
		assertEquals("f + 1", expand("#define f(x) x\nf + f(1)\n"));
	}

	@Test
	void argumentsSpanLines() {
		assertEquals("<1 2>", expand("#define P(a, b) <a b>\nP(1,\n  2)\n"));
	}

	@Test
	void variadicMacros() {
		assertEquals("f(1, 2, 3) g(x, y) h(x) h(x,)", expand("""
				#define F(...) f(__VA_ARGS__)
				#define G(a, rest...) g(a, rest)
				#define H(a, ...) h(a, ## __VA_ARGS__)
				F(1, 2, 3) G(x, y) H(x) H(x,)
				"""));
	}

	@Test
	void stringizingUsesTheUnexpandedArgument() {
		assertEquals("\"FOO\" \"4\" \"a \\\"b\\\" c\"", expand("""
				#define str(x) #x
				#define xstr(x) str(x)
				#define FOO 4
				str(FOO) xstr(FOO) str( a  "b"
				  c)
				"""));
	}

	@Test
	void pastingBuildsLabelsAndNodeNames() {
		// Apple's DIE_NODE pastes a die suffix onto labels; dtc needs "label:" and "&label" as single words
		assertEquals("pinctrl_die0: pinctrl@1 { }; & pinctrl_die0 { }; &pinctrl_die0; x12;", expand("""
				#define DIE_NODE(a) a##_die0
				#define CAT(a, b) a ## b
				DIE_NODE(pinctrl): pinctrl@1 { };
				& DIE_NODE(pinctrl) { };
				&DIE_NODE(pinctrl);
				CAT(x, 12);
				"""));
	}

	@Test
	void pastingWithEmptyArgumentsAndInvalidPastesInAssemblerMode() {
		assertEquals("a b x .y", expand("""
				#define CAT(a, b) a ## b
				CAT(a,) CAT(,b) CAT(x, .y)
				"""));
	}

	@Test
	void argumentsArePreExpandedThenTheResultIsRescanned() {
		assertEquals("2 * 3 (1 + 2)", expand("""
				#define TWO 2
				#define MUL(a, b) a * b
				#define APPLY(f, x) f x
				#define SUM(a, b) (a + b)
				MUL(TWO, 3) APPLY(SUM, (1, TWO))
				"""));
	}

	@Test
	void noRecursiveSelfExpansion() {
		assertEquals("foo + 1 a b", expand("""
				#define foo foo + 1
				#define a b
				#define b a
				foo a b
				"""));
	}

	@Test
	void paintedBlueTokensStayUnexpandedOnRescan() {
		// the classic example from the C standard, 6.10.3.5
		assertEquals("f(2*(y+1))+f(2*(f(2*(z[0]))))%f(2*(0))+t(1);", expand("""
				#define x 3
				#define f(a) f(x * (a))
				#undef x
				#define x 2
				#define g f
				#define z z[0]
				#define h g(~
				#define m(a) a(w)
				#define w 0,1
				#define t(a) a
				#define p() int
				#define q(x) x
				#define r(x,y) x ## y
				#define str(x) # x
				f(y+1) + f(f(z)) % t(t(g)(0) + t)(1);
				""").replace(" ", ""));
	}

	@Test
	void emptyExpansionsAreSpacedAsCppSpacesThem() {
		assertEquals("<><x>x x - -", expand("#define E\n#define F() x\n<E>E<F()>F()F ()\n-E-\n"));
	}

	@Test
	void undefRemovesAMacro() {
		assertEquals("1 X", expand("#define X 1\nX\n#undef X\nX\n"));
	}

	@Test
	void commentsAndSplicedLinesAreHandled() {
		assertEquals("<1 + 2>; a b", expand("#define X 1 + \\\n 2 // two\n<X>; /* comment\n */ a // c\nb\n"));
	}

	@Test
	void minusUndefKeepsLinuxAsAWord() {
		assertEquals("linux,cma-default; 1", expand("linux,cma-default;\n__DTS__\n"));
	}

	@Test
	void standardDynamicMacrosSurviveMinusUndef() {
		assertEquals("3 0 1 \"/mem/main.dts\"".replace("/mem", MemorySources.ROOT.toString()),
				expand("a\n#define L __LINE__\nL __COUNTER__ __COUNTER__ __FILE__\n").substring(2));
	}

	/** The examples of C17 6.10.3.5, with GNU cpp's output (words) as the expectation. */
	@Test
	void examplesOfTheCStandard() {
		String gcc = "char p[] = \"x ## y\"; int j[] = { 123, 45, 67, 89, 10, 11, 12, }; fprintf(stderr, "
				+ "\"Flag\"); fprintf(stderr, \"X = %d\\n\", x); puts(\"The first, second, and third "
				+ "items.\"); ((x>y)?puts(\"x>y\"): printf(\"x is %d but y is %d\", x, y));";
		assertEquals(gcc, expand("""
				#define hash_hash # ## #
				#define mkstr(a) # a
				#define in_between(a) mkstr(a)
				#define join(c, d) in_between(c hash_hash d)
				char p[] = join(x, y);
				#define t(x,y,z) x ## y ## z
				int j[] = { t(1,2,3), t(,4,5), t(6,,7), t(8,9,),
				 t(10,,), t(,11,), t(,,12), t(,,) };
				#define OBJ_LIKE (1-1)
				#define OBJ_LIKE /* white space */ (1-1) /* other */
				#define FUNC_LIKE(a) ( a )
				#define FUNC_LIKE( a )( /* note the white space */ \\
				 a /* other stuff on this line
				 */ )
				#define debug(...) fprintf(stderr, __VA_ARGS__)
				#define showlist(...) puts(#__VA_ARGS__)
				#define report(test, ...) ((test)?puts(#test): printf(__VA_ARGS__))
				debug("Flag");
				debug("X = %d\\n", x);
				showlist(The first, second, and third items.);
				report(x>y, "x is %d but y is %d", x, y);
				"""));
	}

	/** Corner cases of rescanning, empty arguments, invalid pastes and spacing, with GNU cpp's output (words). */
	@Test
	void gnuCppCornerCases() {
		String gcc = "printf(\"x\" \"1\" \"= %d, x\" \"2\" \"= %s\", x1, x2); "
				+ "fputs(\"strncmp(\\\"abc\\\\0d\\\", \\\"abc\\\", '\\\\4') == 0\" \": @\\n\", s); "
				+ "\"vers2.h\" \"hello\"; \"hello\" \", world\" 2*9*g AA BB 42 F, (, 'a', 'b', ); i(1) i(2) "
				+ "- - + + a b 1e +2 .5 <<= / / x [3] obj (4)";
		assertEquals(gcc, expand("""
				#define str(s) # s
				#define xstr(s) str(s)
				#define debug(s, t) printf("x" # s "= %d, x" # t "= %s", \\
				 x ## s, x ## t)
				#define INCFILE(n) vers ## n
				#define glue(a, b) a ## b
				#define xglue(a, b) glue(a, b)
				#define HIGHLOW "hello"
				#define LOW LOW ", world"
				debug(1, 2);
				fputs(str(strncmp("abc\\0d", "abc", '\\4') // this goes away
				 == 0) str(: @\\n), s);
				xstr(INCFILE(2).h)
				glue(HIGH, LOW);
				xglue(HIGH, LOW)
				#define f(a) a*g
				#define g(a) f(a)
				f(2)(9)
				#define AA BB
				#define BB AA
				AA BB
				#define NIL(xxx) xxx
				#define G_0(arg) NIL(G_1)(arg)
				#define G_1(arg) NIL(arg)
				G_0(42)
				#define EMPTY
				#define LPAREN (
				#define RPAREN )
				#define F(x, y) x + y
				#define ELLIP_FUNC(...) __VA_ARGS__
				ELLIP_FUNC(F, LPAREN, 'a', 'b', RPAREN);
				#define i(x) x
				i(i)(1) i(
				i
				)(2)
				-EMPTY- +EMPTY+ a EMPTY b
				#define cat(a,b) a##b
				cat(1,e)+2 cat(., 5) cat(<,<=) cat(/,/) x
				#define obj(x) [x]
				obj
				(3) obj
				#if 1
				(4)
				#endif
				"""));
	}

	@Test
	void characterConstantsInConditionals() {
		assertEquals("yes", expand("#if 'a' == 97 && '\\377' < 0 && '\\x41' == 65 && 'ab' == 24930\nyes\n#endif\n"));
	}
}
