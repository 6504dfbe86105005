package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;

import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.IParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.carveout.dts.DtsLanguage;

/** Constructs dtc accepts parse without errors; the same text with a mistake does not. */
class GrammarTest {

	private static List<INode> errors(String text) {
		IParseResult result = DtsLanguage.injector().getInstance(IParser.class).parse(new StringReader(text));
		List<INode> errors = new java.util.ArrayList<>();
		result.getSyntaxErrors().forEach(errors::add);
		return errors;
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"/dts-v1/;\n/ { };",
			"/dts-v1/;\n/plugin/;\n&{/soc} { status = \"okay\"; };",
			"/dts-v1/;\n/memreserve/ 0x10000000 0x4000;\n/ { };",
			"/dts-v1/;\n/ { #address-cells = <2>; linux,cma-default; pinctrl-0 = <&pins>; a?b+c.d = <1>; };",
			"/dts-v1/;\n/ { l1: l2: node@1,2 { p; }; };",
			"/dts-v1/;\n/ { n { /delete-property/ p; /delete-node/ child; }; };\n/delete-node/ &lbl;",
			"/dts-v1/;\n/ { /omit-if-no-ref/ n { }; };\n/omit-if-no-ref/ &lbl;",
			"/dts-v1/;\n/ { p = \"a\\\"b\", <1 2>, [00 ff], &lbl, &{/a/b}; q = lbl: <1 lbl2: 2> end:; };",
			"/dts-v1/;\n#include <dt-bindings/interrupt-controller/arm-gic.h>\n#define FOO(x) ((x) + 1)\n/ { interrupts = <GIC_SPI 5 IRQ_TYPE_LEVEL_HIGH>, <FOO(2)>; };",
			"/dts-v1/;\n#if defined(X) && 1\n/ { };\n#else\n/ { };\n#endif",
			"/dts-v1/;\n/include/ \"soc.dtsi\"\n/ { };",
			"/dts-v1/;\n/ { p = /bits/ 16 <0x1 'a' (1 ? 2 : 3)>; /* c */ // d\n};",
			"/dts-v1/;\n/ { #interrupt-cells = <3>; };",
			"/dts-v1/;\n/ {\n#interrupt-cells = <3>;\n  #iommu-cells = <1>;\n\t#dma-cells = <1>;\n};",
			"/dts-v1/;\n  #  define LONG(a, b) \\\n\t((a) + (b))\n/ { p = <LONG(1, 2)>; };" })
	void dtcConstructsParse(String text) {
		assertEquals(List.of(), errors(text), text);
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"/dts-v1/;\n/ { p = <1 2; };",
			"/dts-v1/;\n/ { n { }; ",
			"/dts-v1/;\n/ { p = 1; };",
			"/dts-v1/;\n/ { p = <-1>; };" })
	void mistakesAreSyntaxErrors(String text) {
		assertTrue(!errors(text).isEmpty(), text);
	}
}
