package dev.carveout.dts.corpus;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The prepared corpus (tests/corpus/prepare-corpus.sh): the kernel's DeviceTree sources and one dtc DTB per
 * arm64 board. If it is not there yet the preparation script is run; when that fails the test fails with
 * the script's own explanation, it is never skipped.
 */
final class Corpus {

	static final String BOARDS_DIR = "arch/arm64/boot/dts/";

	private final Path root;

	private Corpus(Path root) {
		this.root = root;
	}

	static Corpus locate() {
		String dir = System.getProperty("carveout.corpus");
		if (dir == null || dir.isBlank()) {
			fail("system property carveout.corpus is not set (the test bundle's pom sets it)");
		}
		Path root = Path.of(dir).toAbsolutePath().normalize();
		if (!isPrepared(root)) {
			prepare(root);
		}
		return new Corpus(root);
	}

	private static boolean isPrepared(Path root) {
		// overlays and composites came later: a corpus without them is prepared again, which adds only them
		return Files.isRegularFile(root.resolve("version")) && Files.isRegularFile(root.resolve("boards.txt"))
				&& Files.isDirectory(root.resolve("dtb")) && Files.isRegularFile(root.resolve("overlays.txt"))
				&& Files.isRegularFile(root.resolve("composites.txt"));
	}

	private static void prepare(Path root) {
		String script = System.getProperty("carveout.corpus.prepare");
		if (script == null || !Files.isRegularFile(Path.of(script))) {
			fail("the corpus at " + root + " is not prepared and the preparation script (" + script
					+ ") is not there; run tests/corpus/prepare-corpus.sh " + root);
		}
		try {
			Path log = Files.createTempFile("prepare-corpus", ".log");
			Process process = new ProcessBuilder("bash", script, root.toString()).redirectErrorStream(true)
					.redirectOutput(log.toFile()).start();
			int status = process.waitFor();
			String output = Files.readString(log);
			Files.delete(log);
			if (status != 0 || !isPrepared(root)) {
				fail("the corpus at " + root + " is not prepared and preparing it failed (exit " + status + "):\n" + output
						+ "\nFix the cause above, or run tests/corpus/prepare-corpus.sh " + root + " as root once.");
			}
		} catch (IOException e) {
			fail("cannot run " + script + ": " + e.getMessage());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			fail("interrupted while preparing the corpus");
		}
	}

	Path root() {
		return root;
	}

	String version() throws IOException {
		return Files.readString(root.resolve("version")).strip();
	}

	/** The directory cpp and dtc get with -I / -i: its symlinks lead to arm64, arm and dt-bindings. */
	Path includePrefixes() {
		return root.resolve("linux/scripts/dtc/include-prefixes");
	}

	List<Board> boards() throws IOException {
		return Files.readAllLines(root.resolve("boards.txt")).stream().filter(line -> !line.isBlank())
				.map(this::board).toList();
	}

	/** The overlays (.dtso), each with the DTBO dtc -@ made of it. */
	List<Board> overlays() throws IOException {
		return Files.readAllLines(root.resolve("overlays.txt")).stream().filter(line -> !line.isBlank())
				.map(this::overlay).toList();
	}

	private Board overlay(String source) {
		String name = source.substring(BOARDS_DIR.length(), source.length() - ".dtso".length());
		return new Board(name, root.resolve("linux").resolve(source), root.resolve("pre").resolve(name + ".dtso"),
				root.resolve("dtbo").resolve(name + ".dtbo"));
	}

	/** The composite boards of the Makefiles, each with its parts and fdtoverlay's DTB of them. */
	List<Composite> composites() throws IOException {
		List<Composite> composites = new ArrayList<>();
		for (String line : Files.readAllLines(root.resolve("composites.txt"))) {
			String[] words = line.strip().split("\\s+");
			if (words.length < 2) {
				continue;
			}
			String name = words[0].substring(BOARDS_DIR.length());
			List<Path> parts = Arrays.stream(words, 1, words.length).map(w -> root.resolve("linux").resolve(w))
					.toList();
			composites.add(new Composite(name, parts, root.resolve("composite").resolve(name + ".dtb")));
		}
		return composites;
	}

	private Board board(String source) {
		String name = source.substring(BOARDS_DIR.length(), source.length() - ".dts".length());
		return new Board(name, root.resolve("linux").resolve(source), root.resolve("pre").resolve(name + ".dts"),
				root.resolve("dtb").resolve(name + ".dtb"));
	}

	/**
	 * A board: "qcom/sm8550-qrd", its source, cpp's output for it (what dtc read) and the DTB dtc made of
	 * it.
	 */
	record Board(String name, Path dts, Path preprocessed, Path dtb) {
	}

	/** A composite: "ti/k3-am654-idk", its source files in order (base first) and fdtoverlay's DTB. */
	record Composite(String name, List<Path> parts, Path dtb) {
	}
}
