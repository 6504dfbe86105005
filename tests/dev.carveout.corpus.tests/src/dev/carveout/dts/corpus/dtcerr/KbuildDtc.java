package dev.carveout.dts.corpus.dtcerr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine's cpp and dtc run on a case as kbuild's cmd_dtc runs them (dtc_cpp_flags, then dtc -b 0 with the
 * source's folder and include-prefixes for /include/ and /incbin/, and -@ as the corpus DTBs are made). Only what
 * makes either exit non-zero counts; dtc's warnings are not read.
 */
final class KbuildDtc {

	/** dtc's parser and lexer: "Error: board.dts:12.3-14 Properties must precede subnodes". */
	private static final Pattern PARSE_ERROR = Pattern.compile("^(?:Error|Lexical error): (.+?):(\\d+)\\.\\d+\\S* ");
	/** checks.c at ERROR level: "board.dts:12.3-14: ERROR (duplicate_node_names): /a/b: Duplicate node name". */
	private static final Pattern CHECK_ERROR = Pattern.compile("^(.+?):(\\d+)\\.\\d+[-.\\d]*: ERROR \\(");
	/** GNU cpp: "board.dts:3:10: error: ..." (a case never means cpp to fail, but if it does, that counts too). */
	private static final Pattern CPP_ERROR = Pattern.compile("^(.+?):(\\d+):\\d+: error: ");

	private final Path includePrefixes;

	KbuildDtc(Path includePrefixes) {
		this.includePrefixes = includePrefixes;
	}

	/** cpp's output for a board, without markers: what dtc reads, to find the labels a corpus board defines. */
	String preprocess(Path board) throws IOException, InterruptedException {
		Path out = Files.createTempFile("dtcerr", ".pre");
		try {
			Result cpp = run(board.getParent(), List.of("cpp", "-nostdinc", "-I", includePrefixes.toString(), "-undef",
					"-D__DTS__", "-x", "assembler-with-cpp", "-P", "-o", out.toString(), board.toString()));
			if (cpp.status != 0) {
				throw new IOException("cpp failed on " + board + ": " + cpp.output);
			}
			return Files.readString(out);
		} finally {
			Files.deleteIfExists(out);
		}
	}

	/**
	 * Compiles {@code dir/board.dts} to {@code dir/board.dtb}. {@code ownFolder}: the corpus board's folder, searched
	 * after the case's own (the board was copied out of it), or null.
	 */
	Verdict compile(Path dir, Path ownFolder) throws IOException, InterruptedException {
		List<String> cpp = new ArrayList<>(List.of("cpp", "-nostdinc", "-I", includePrefixes.toString()));
		if (ownFolder != null) {
			cpp.addAll(List.of("-I", ownFolder.toString()));
		}
		cpp.addAll(List.of("-undef", "-D__DTS__", "-x", "assembler-with-cpp", "-o", "board.pre", "board.dts"));
		Result pre = run(dir, cpp);
		if (pre.status != 0) {
			return new Verdict(false, places(dir, pre.output, CPP_ERROR), "cpp: " + pre.output.strip());
		}
		List<String> dtc = new ArrayList<>(List.of("dtc", "-O", "dtb", "-o", "board.dtb", "-b", "0", "-i", "."));
		if (ownFolder != null) {
			dtc.addAll(List.of("-i", ownFolder.toString()));
		}
		dtc.addAll(List.of("-i", includePrefixes.toString(), "-@", "board.pre"));
		Result result = run(dir, dtc);
		if (result.status == 0) {
			return new Verdict(true, List.of(), "");
		}
		List<Place> places = places(dir, result.output, PARSE_ERROR, CHECK_ERROR);
		String errors = result.output.lines().filter(l -> !l.contains("Warning (") && !l.startsWith("  also defined"))
				.reduce((a, b) -> a + " | " + b).orElse("");
		return new Verdict(false, places, "dtc exit " + result.status + ": " + errors);
	}

	private static List<Place> places(Path dir, String output, Pattern... patterns) {
		List<Place> places = new ArrayList<>();
		for (String line : output.lines().toList()) {
			for (Pattern pattern : patterns) {
				Matcher m = pattern.matcher(line);
				if (m.find()) {
					places.add(Place.of(dir.resolve(m.group(1)), Integer.parseInt(m.group(2))));
					break;
				}
			}
		}
		return places;
	}

	private record Result(int status, String output) {
	}

	private static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IOException(command.get(0) + " did not finish in 60 s in " + dir);
		}
		return new Result(process.exitValue(), output);
	}
}
