package dev.carveout.dts.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs GNU cpp the way kbuild does for DeviceTree sources, without line markers, and compares outputs word by word. */
final class GnuCpp {

	private GnuCpp() {
	}

	/** cpp's output for a board; throws with cpp's stderr when cpp fails. */
	static String run(Path board, Path includePrefixes) throws IOException, InterruptedException {
		Process p = new ProcessBuilder("cpp", "-nostdinc", "-I", includePrefixes.toString(), "-undef", "-D__DTS__",
				"-x", "assembler-with-cpp", "-P", board.toString()).redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		int rc = p.waitFor();
		if (rc != 0) {
			throw new IOException("cpp failed (rc " + rc + ") on " + board);
		}
		return out;
	}

	/** cpp's output and its diagnostics, each as "file:line: severity: message" ("fatal error" is an error). */
	record Outcome(String out, List<String> diagnostics) {
	}

	private static final Pattern DIAGNOSTIC = Pattern.compile("^(.+?):(\\d+):\\d+: (warning|error|fatal error): (.*)$");

	/** Runs cpp as kbuild does on {@code main} in {@code dir} (include directory dir/include), whatever it exits with. */
	static Outcome outcome(Path dir, String main) throws IOException, InterruptedException {
		Process p = new ProcessBuilder("cpp", "-nostdinc", "-I", "include", "-undef", "-D__DTS__", "-x",
				"assembler-with-cpp", "-P", main).directory(dir.toFile()).start();
		p.getOutputStream().close();
		byte[] err = p.getErrorStream().readAllBytes();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		p.waitFor();
		List<String> diagnostics = new ArrayList<>();
		for (String line : new String(err, StandardCharsets.UTF_8).split("\n")) {
			Matcher m = DIAGNOSTIC.matcher(line);
			if (m.matches()) {
				diagnostics.add(m.group(1) + ":" + m.group(2) + ": " + m.group(3).replace("fatal ", "") + ": " + m.group(4));
			}
		}
		return new Outcome(out, diagnostics);
	}

	/**
	 * The whitespace-separated words of a text. Comparing words rather than cpp tokens is stricter: it also checks
	 * that tokens glued together in cpp's output ("&label", "label:", "node@1") are glued in ours.
	 */
	static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		int n = text.length();
		int i = 0;
		while (i < n) {
			while (i < n && Character.isWhitespace(text.charAt(i))) {
				i++;
			}
			int start = i;
			while (i < n && !Character.isWhitespace(text.charAt(i))) {
				i++;
			}
			if (i > start) {
				words.add(text.substring(start, i));
			}
		}
		return words;
	}

	/** Null when the word sequences are equal, else a description of the first difference. */
	static String firstDifference(List<String> expected, List<String> actual) {
		int n = Math.min(expected.size(), actual.size());
		for (int i = 0; i < n; i++) {
			if (!expected.get(i).equals(actual.get(i))) {
				return "word " + i + ": cpp has " + context(expected, i) + " but ours has " + context(actual, i);
			}
		}
		if (expected.size() != actual.size()) {
			return "cpp has " + expected.size() + " words, ours " + actual.size() + "; from word " + n + " cpp: "
					+ context(expected, n) + " ours: " + context(actual, n);
		}
		return null;
	}

	private static String context(List<String> words, int i) {
		return "[" + String.join(" ", words.subList(Math.max(0, i - 6), Math.min(words.size(), i + 6))) + "]";
	}
}
