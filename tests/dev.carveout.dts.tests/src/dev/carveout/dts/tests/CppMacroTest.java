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
}
