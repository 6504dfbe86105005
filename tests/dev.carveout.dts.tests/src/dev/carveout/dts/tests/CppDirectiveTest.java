package dev.carveout.dts.tests;

import static dev.carveout.dts.tests.MemorySources.expand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.carveout.dts.cpp.CppDiagnostic;
import dev.carveout.dts.cpp.LexCache;
import dev.carveout.dts.cpp.PreprocessedUnit;
import dev.carveout.dts.cpp.Preprocessor;
import dev.carveout.dts.cpp.SourceReader;
import dev.carveout.memmap.Severity;

/** Conditionals, includes, assembler-mode pass-through and the diagnostics for bad input. */
class CppDirectiveTest {

	private static List<CppDiagnostic> errors(PreprocessedUnit unit) {
		return unit.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
	}

	private static PreprocessedUnit runMain(String text) {
		return new MemorySources().file("main.dts", text).run("main.dts");
	}

	@Test
	void conditionalsWithDefinedAndIntegerExpressions() {
		assertEquals("a c e g i", expand("""
				#define ONE 1
				#if defined ONE && defined(ONE) && ONE + 1 == 2
				a
				#else
				b
				#endif
				#ifdef NOPE
				#elif (ONE << 3) == 8 && !UNDEFINED_IS_ZERO
				c
				#elif 1
				d
				#endif
				#ifndef NOPE
				e
				#endif
				#if 0
				#if 1
				f
				#endif
				#else
				g
				#endif
				#if -1 > 0u && (1 || 1 / 0) && 0x7fffffffffffffff + 0 > 0
				i
				#endif
				"""));
	}

	@Test
	void nonDirectiveHashLinesPassThroughAndQuotesFollowAssemblerRules() {
		// in assembler mode an apostrophe not closed on its line runs to the end of the line, comment markers too
		assertEquals("#address-cells = <1>; #size-cells = <0>; a 'b /* c */ d e", expand("""
				#address-cells = <1>;
				  #size-cells = <0>;
				a 'b /* c */ d
				e
				"""));
	}

	@Test
	void quotedIncludesSearchTheIncludingFilesDirectoryFirstAngledOnlyTheIncludeDirs() {
		PreprocessedUnit unit = new MemorySources()
				.file("boards/main.dts", "#include \"soc.dtsi\"\n#include <dt-bindings/v.h>\nV SOC\n")
				.file("boards/soc.dtsi", "#define SOC local\n")
				.file("include/soc.dtsi", "#define SOC from_include_dir\n")
				.file("include/dt-bindings/v.h", "#include \"w.h\"\n#define V W\n")
				.file("include/dt-bindings/w.h", "#define W 7\n")
				.run("boards/main.dts");
		assertEquals("7 local", MemorySources.words(unit));
		assertEquals(List.of("boards/main.dts", "boards/soc.dtsi", "include/dt-bindings/v.h", "include/dt-bindings/w.h"),
				unit.files().stream().map(p -> MemorySources.ROOT.relativize(p).toString()).toList());
		assertTrue(unit.diagnostics().isEmpty(), unit.diagnostics().toString());
	}

	@Test
	void includeNextContinuesWithTheFollowingDirectory() {
		PreprocessedUnit unit = new MemorySources().file("main.dts", "#include <a.h>\nA\n")
				.file("include/a.h", "#include_next <a.h>\n")
				.file("include2/a.h", "#define A next\n")
				.run("main.dts", List.of(MemorySources.INCLUDE, MemorySources.ROOT.resolve("include2")));
		assertEquals("next", MemorySources.words(unit));
		assertTrue(unit.diagnostics().isEmpty(), unit.diagnostics().toString());
	}

	@Test
	void missingIncludeIsReportedOnTheIncludeLineWithTheSearchedDirectories() {
		PreprocessedUnit unit = runMain("/ { };\n#include <dt-bindings/nope.h>\nok\n");
		CppDiagnostic d = errors(unit).get(0);
		assertTrue(d.message().contains("dt-bindings/nope.h"), d.message());
		assertTrue(d.message().contains(MemorySources.INCLUDE.toString()), d.message());
		assertEquals(2, d.at().line());
		assertEquals(1, d.at().column());
		assertEquals("/ { }; ok", MemorySources.words(unit));
	}

	@Test
	void unterminatedConditionalIsReportedAtItsDirective() {
		PreprocessedUnit unit = runMain("a\n  #ifdef X\nb\n");
		CppDiagnostic d = errors(unit).get(0);
		assertTrue(d.message().contains("unterminated #ifdef"), d.message());
		assertEquals(2, d.at().line());
		assertEquals(3, d.at().column());
	}

	@Test
	void errorDirectiveIsADiagnostic() {
		PreprocessedUnit unit = runMain("#if 1\n#error no board selected\n#endif\n#warning careful\n");
		assertEquals("#error no board selected", errors(unit).get(0).message());
		assertEquals(2, errors(unit).get(0).at().line());
		assertTrue(unit.diagnostics().stream().anyMatch(d -> d.severity() == Severity.WARNING));
	}

	@Test
	void badExpressionsAreDiagnosticsAndCountAsFalse() {
		PreprocessedUnit unit = runMain("#if 1 +\na\n#elif 2 / 0\nb\n#else\nc\n#endif\n#if\n#endif\n#if defined(\n#endif\n");
		assertEquals("c", MemorySources.words(unit));
		assertEquals(4, errors(unit).size(), unit.diagnostics().toString());
	}

	@Test
	void unterminatedMacroArgumentsAreReportedAtTheInvocation() {
		PreprocessedUnit unit = runMain("#define F(x) x\n/ {\n  F(1, 2\n};\n");
		CppDiagnostic d = errors(unit).get(0);
		assertTrue(d.message().contains("unterminated argument list invoking macro \"F\""), d.message());
		assertEquals(3, d.at().line());
		assertEquals(3, d.at().column());
	}

	@Test
	void wrongArgumentCountsAreDiagnostics() {
		PreprocessedUnit unit = runMain("#define F(x, y) x y\nF(1)\nF(1, 2, 3)\n");
		assertEquals(2, errors(unit).size(), unit.diagnostics().toString());
	}

	@Test
	void elseWithoutIfAndElseAfterElseAreDiagnostics() {
		PreprocessedUnit unit = runMain("#else\n#endif\n#if 1\n#else\n#else\n#endif\n");
		assertEquals(3, errors(unit).size(), unit.diagnostics().toString());
	}

	@Test
	void badInputNeverThrows() {
		for (String text : List.of("#define", "#define F(", "#define F(x) #", "#define ## x", "F(", "#if (", "\"",
				"'", "/* open", "#include", "#include \"", "#if 1\n#elif\n", "\\", "#define A A B\nA(", "#if 1 ? 2\n#endif")) {
			PreprocessedUnit unit = runMain(text);
			assertNotNull(unit.text(), text);
		}
	}

	@Test
	void hasIncludeLooksTheFileUp() {
		PreprocessedUnit unit = new MemorySources().file("main.dts", """
				#if __has_include(<dt-bindings/x.h>) && !__has_include("nope.h") && defined __has_include
				yes
				#endif
				""").file("include/dt-bindings/x.h", "").run("main.dts");
		assertEquals("yes", MemorySources.words(unit));
	}

	@Test
	void pragmaOnceIncludesAFileOnce() {
		PreprocessedUnit unit = new MemorySources().file("main.dts", "#include \"o.h\"\n#include \"o.h\"\n")
				.file("o.h", "#pragma once\nonce\n").run("main.dts");
		assertEquals("once", MemorySources.words(unit));
	}

	@Test
	void theCacheServesAFileOnlyWhileItsTextIsUnchanged() {
		LexCache cache = new LexCache();
		MemorySources sources = new MemorySources().file("main.dts", "#include \"a.dtsi\"\n").file("a.dtsi", "one\n");
		Preprocessor cpp = new Preprocessor(List.of(), Preprocessor.kbuildDefines(), sources, cache);
		assertEquals("one", MemorySources.words(cpp.run(MemorySources.ROOT.resolve("main.dts"))));
		sources.file("a.dtsi", "two\n");
		assertEquals("two", MemorySources.words(cpp.run(MemorySources.ROOT.resolve("main.dts"))));
		// one entry per file, however often it is edited
		assertEquals(2, cache.size());
	}

	@Test
	void unsavedBuffersOverlayTheFilesOnDisk(@TempDir Path dir) throws IOException {
		Path board = dir.resolve("board.dts");
		Path dtsi = dir.resolve("soc.dtsi");
		Files.writeString(board, "#include \"soc.dtsi\"\n#include \"new.dtsi\"\n");
		Files.writeString(dtsi, "saved\n");
		Map<Path, String> buffers = Map.of(dtsi, "unsaved\n", dir.resolve("new.dtsi"), "not_yet_on_disk\n");
		PreprocessedUnit unit = new Preprocessor(List.of(), Preprocessor.kbuildDefines(),
				SourceReader.withUnsaved(p -> Optional.ofNullable(buffers.get(p)))).run(board);
		assertEquals("unsaved not_yet_on_disk", MemorySources.words(unit));
	}

	@Test
	void unsavedTextStandsInForTheFileOnDisk() {
		// the reader interface is all the preprocessor sees: an editor buffer is just another reader
		assertEquals("buffer", MemorySources.words(new MemorySources().file("main.dts", "buffer\n").run("main.dts")));
	}
}
