package dev.carveout.target.tests.zram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.carveout.zram.ShellQuote;

/** Every value reaches a real POSIX shell as the same text, and nothing of it runs. */
class ShellQuoteTest {

	static final List<String> HOSTILE = List.of("$(touch PWNED)", "`touch PWNED`", "a'; touch PWNED; echo '",
			"\"$(touch PWNED)\"", "x\\'y", "/mnt/żółw x", "*", "~root", "a\tb", "!!", "${IFS}touch${IFS}PWNED", "'", "");

	@Test
	void aQuotedValueIsPrintedAsItIsAndNeverRun(@TempDir Path dir) throws Exception {
		for (String value : HOSTILE) {
			assertEquals(value, sh(dir, "printf '%s' " + ShellQuote.quote(value)), value);
		}
		assertEquals(List.of(), List.of(dir.toFile().list()), "no command of a value ran");
	}

	private static String sh(Path dir, String command) throws IOException, InterruptedException {
		Process p = new ProcessBuilder("/bin/sh", "-c", command).directory(dir.toFile()).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		p.waitFor();
		return out;
	}
}
