package dev.carveout.dts.corpus.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle judges each input on its own. It used to leave each mutated board in its thread's work folder, where
 * a later input's {@code #include "x.dts"} found it (the includer's folder is searched first) and its findings were
 * measured against the text of an older x.dts: the 6 "location beyond the file" of the 20,000-input run were this.
 */
class OracleTest {

	@TempDir
	Path dir;

	@Test
	void aBoardWrittenForOneInputIsNotSeenByTheNext() throws Exception {
		Path corpus = Files.createDirectories(dir.resolve("corpus"));
		Path x = Files.writeString(corpus.resolve("x.dts"), "/dts-v1/;\n/ { };\n");
		Path b = Files.writeString(corpus.resolve("b.dts"), "/dts-v1/;\n#include \"x.dts\"\n");
		Path work = Files.createDirectories(dir.resolve("work"));
		FuzzInput includesX = input(b, "#include \"x.dts\"\n#");
		try (Oracle oracle = new Oracle(List.of(), work, Duration.ofSeconds(60))) {
			// a short x.dts with a syntax error on its last line, then the board that includes x.dts
			assertNull(oracle.judge(input(x, "/dts-v1/;\n/ { a = <1; };\n")));
			assertNull(oracle.judge(includesX));
			// a longer x.dts with its syntax error further down, then the same board again
			assertNull(oracle.judge(input(x, "/dts-v1/;\n" + "\n".repeat(40) + "/ { a = <1; };\n")));
			assertNull(oracle.judge(includesX));
			assertEquals(List.of(), listed(work), "what an input wrote is gone once it is judged");
		}
	}

	private static FuzzInput input(Path board, String text) {
		return new FuzzInput(board, board, text.getBytes(StandardCharsets.UTF_8), List.of(), 0);
	}

	private static List<Path> listed(Path folder) throws Exception {
		try (var files = Files.list(folder)) {
			return files.toList();
		}
	}
}
