package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.carveout.dts.cpp.CppDiagnostic;
import dev.carveout.dts.cpp.LexCache;
import dev.carveout.dts.cpp.PreprocessedUnit;
import dev.carveout.dts.cpp.Preprocessor;
import dev.carveout.dts.cpp.SourceReader;

/**
 * Inputs the fuzzer ({@code tests/fuzz.sh}) found breaking our preprocessor, minimized: for each, GNU cpp is run on
 * the same files, and ours must give its diagnostics (file, line, severity, message) and its output words.
 */
class CppFuzzReproducersTest {

	@TempDir
	Path dir;

	/** An exception in our #define handling (the name's token index was past the file's last token). */
	@Test
	void aHeaderEndingInADefineWithoutNameOrNewlineIsCppsError() throws Exception {
		sameAsCpp(files("a.dts", "#include \"h.h\"\nx\n", "h.h", "#define"));
		sameAsCpp(files("a.dts", "#include \"h.h\"\nx\n", "h.h", "#define "));
	}

	/** A Java Path refuses a NUL: cpp reads the name as a C string, up to the NUL, and warns at the literal. */
	@Test
	void anIncludeNameWithANulEndsAtTheNul() throws Exception {
		sameAsCpp(files("c.dts", "/ {\n#include \"a\0b\"\n};\n", "a", "inc_a;\n"));
		sameAsCpp(files("c.dts", "#include \"b\0c\"\n"));
		sameAsCpp(files("c.dts", "#include \"\0a\"\n"));
		sameAsCpp(files("c.dts", "#define F \"a\0b\"\n#include F\n#if __has_include(\"a\0c\")\nyes\n#endif\n", "a", "inc_a\n"));
	}

	@Test
	void nulsOutsideLiteralsAreWhitespaceWithCppsWarning() throws Exception {
		sameAsCpp(files("n.dts", "x\0y \"q\0\" z\n\0\0 w /* \0 */ v\n#define\0A 1\nA\n"));
	}

	@Test
	void anEmptyIncludeNameIsCppsError() throws Exception {
		sameAsCpp(files("e.dts", "#include \"\"\n#include <>\n"));
	}

	private static Map<String, String> files(String... nameAndText) {
		Map<String, String> files = new LinkedHashMap<>();
		for (int i = 0; i < nameAndText.length; i += 2) {
			files.put(nameAndText[i], nameAndText[i + 1]);
		}
		return files;
	}

	/** The first file is the main one; all are written to disk as UTF-8 (a NUL stays a NUL byte). */
	private void sameAsCpp(Map<String, String> files) throws Exception {
		Files.createDirectories(dir.resolve("include"));
		for (Map.Entry<String, String> file : files.entrySet()) {
			Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
		}
		String main = files.keySet().iterator().next();
		GnuCpp.Outcome cpp = GnuCpp.outcome(dir, main);
		PreprocessedUnit ours = new Preprocessor(List.of(dir.resolve("include")), Preprocessor.kbuildDefines(),
				SourceReader.FILES, new LexCache()).run(dir.resolve(main));
		String input = files.toString().replace("\0", "\\0");
		assertEquals(cpp.diagnostics(), ours.diagnostics().stream().map(this::asCpp).toList(), input);
		assertEquals(GnuCpp.words(cpp.out()), GnuCpp.words(ours.text()), input);
	}

	/** Ours in cpp's form; our "not found" adds the directories searched, which cpp does not print. */
	private String asCpp(CppDiagnostic d) {
		String file = d.at() == null ? "?" : dir.relativize(d.at().file()).toString();
		return file + ":" + (d.at() == null ? 0 : d.at().line()) + ": " + d.severity().name().toLowerCase() + ": "
				+ d.message().replaceFirst(" \\(searched: .*\\)$", "");
	}
}
