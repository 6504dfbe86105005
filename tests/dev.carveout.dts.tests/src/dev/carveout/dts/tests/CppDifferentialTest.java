package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.carveout.dts.cpp.LexCache;
import dev.carveout.dts.cpp.Origin;
import dev.carveout.dts.cpp.PreprocessedUnit;
import dev.carveout.dts.cpp.Preprocessor;
import dev.carveout.dts.cpp.SourceReader;

/**
 * Our output against GNU cpp's (kbuild's flags, -P), word by word, for real kernel boards of six vendors and for
 * every dt-bindings header they include; also the set of files read against cpp's dependency list, and every
 * output character's origin against the source text. The full corpus
 * (all arm64 boards) is {@link CppCorpusHarness}'s job.
 */
class CppDifferentialTest {

	private static final List<String> VENDORS = List.of("qcom", "apple", "ti", "freescale", "mediatek", "rockchip");
	private static final int BOARDS_PER_VENDOR = 6;

	@Test
	void boardsAndTheirHeadersPreprocessLikeGnuCpp() throws Exception {
		Path root = KernelTree.root();
		Path prefixes = KernelTree.includePrefixes(root);
		Preprocessor cpp = new Preprocessor(List.of(prefixes), Preprocessor.kbuildDefines(), SourceReader.FILES);
		List<Path> boards = new ArrayList<>();
		for (String vendor : VENDORS) {
			List<Path> all;
			try (Stream<Path> files = Files.walk(root.resolve("arch/arm64/boot/dts").resolve(vendor))) {
				all = files.filter(p -> p.toString().endsWith(".dts")).sorted().toList();
			}
			// spread the picks over the vendor's boards (several SoC families each)
			for (int i = 0; i < BOARDS_PER_VENDOR && i < all.size(); i++) {
				boards.add(all.get(i * all.size() / BOARDS_PER_VENDOR));
			}
		}
		assertTrue(boards.size() >= 30, "boards found: " + boards.size());

		List<String> failures = new ArrayList<>();
		Set<Path> headers = new TreeSet<>();
		Map<Path, String> sources = new HashMap<>();
		// boards run concurrently through one preprocessor and one fresh cache must give what a lone run gives
		Preprocessor shared = new Preprocessor(List.of(prefixes), Preprocessor.kbuildDefines(), SourceReader.FILES,
				new LexCache());
		List<String> parallel = boards.parallelStream().map(b -> shared.run(b).text()).toList();
		for (int b = 0; b < boards.size(); b++) {
			Path board = boards.get(b);
			PreprocessedUnit unit = cpp.run(board);
			assertEquals(unit.text(), parallel.get(b), board + ": concurrent run differs");
			assertTrue(unit.diagnostics().isEmpty(), board + ": " + unit.diagnostics());
			compare(board, unit, prefixes, failures);
			checkOrigins(board, unit, sources);
			Set<Path> ours = new TreeSet<>();
			for (Path file : unit.files()) {
				ours.add(file.toRealPath());
				if (file.toString().contains("/dt-bindings/")) {
					headers.add(file);
				}
			}
			assertEquals(dependencies(board, prefixes), ours, board + ": files read");
		}
		assertTrue(headers.size() >= 20, "dt-bindings headers included: " + headers.size());
		for (Path header : headers) {
			compare(header, cpp.run(header), prefixes, failures);
		}
		assertTrue(failures.isEmpty(), failures.size() + " differences:\n" + String.join("\n", failures));
	}

	private static void compare(Path file, PreprocessedUnit unit, Path prefixes, List<String> failures)
			throws IOException, InterruptedException {
		String diff = GnuCpp.firstDifference(GnuCpp.words(GnuCpp.run(file, prefixes)), GnuCpp.words(unit.text()));
		if (diff != null) {
			failures.add(file + ": " + diff);
		}
	}

	/**
	 * Every character of output copied from a file must be that file's character at the origin's offset, and the
	 * origin's line and column must agree with the offset; expansions must name their macro.
	 */
	private static void checkOrigins(Path board, PreprocessedUnit unit, Map<Path, String> sources) throws IOException {
		String out = unit.text();
		for (int i = 0; i < out.length(); i++) {
			char c = out.charAt(i);
			if (Character.isWhitespace(c)) {
				continue;
			}
			Origin o = unit.origins().originOf(i);
			String source = sources.get(o.file());
			if (source == null) {
				source = Files.readString(o.file());
				sources.put(o.file(), source);
			}
			int lineStart = source.lastIndexOf('\n', o.offset() - 1) + 1;
			assertEquals(o.offset() - lineStart + 1, o.column(), () -> board + ": column of " + o);
			if (o.macro() == null) {
				int at = i;
				assertEquals(c, source.charAt(o.offset()), () -> board + ": output offset " + at + " maps to " + o);
			} else {
				assertTrue(source.startsWith(o.macro(), o.offset()), () -> board + ": " + o + " is no invocation");
			}
		}
	}

	/** The files cpp reads for a board, from its make-style dependency output (-M). */
	private static Set<Path> dependencies(Path board, Path prefixes) throws IOException, InterruptedException {
		Process p = new ProcessBuilder("cpp", "-nostdinc", "-I", prefixes.toString(), "-undef", "-D__DTS__", "-x",
				"assembler-with-cpp", "-M", board.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		String out = new String(p.getInputStream().readAllBytes());
		assertEquals(0, p.waitFor(), "cpp -M " + board);
		Set<Path> files = new TreeSet<>();
		String deps = out.substring(out.indexOf(':') + 1).replace("\\\n", " ");
		for (String word : GnuCpp.words(deps)) {
			files.add(Path.of(word).toRealPath());
		}
		return files;
	}
}
