package dev.carveout.dts.tests;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.carveout.dts.cpp.LexCache;
import dev.carveout.dts.cpp.PreprocessedUnit;
import dev.carveout.dts.cpp.Preprocessor;
import dev.carveout.dts.cpp.SourceReader;

/** Files held in memory, as editor buffers would be, for preprocessor tests. */
final class MemorySources implements SourceReader {

	static final Path ROOT = Path.of("/mem").toAbsolutePath();
	static final Path INCLUDE = ROOT.resolve("include");

	private final Map<Path, String> files = new HashMap<>();

	MemorySources file(String name, String text) {
		files.put(ROOT.resolve(name).normalize(), text);
		return this;
	}

	@Override
	public String read(Path file) throws IOException {
		String text = files.get(file.toAbsolutePath().normalize());
		if (text == null) {
			throw new NoSuchFileException(file.toString());
		}
		return text;
	}

	@Override
	public boolean exists(Path file) {
		return files.containsKey(file.toAbsolutePath().normalize());
	}

	PreprocessedUnit run(String main) {
		return run(main, List.of(INCLUDE));
	}

	PreprocessedUnit run(String main, List<Path> includeDirs) {
		return new Preprocessor(includeDirs, Preprocessor.kbuildDefines(), this, new LexCache()).run(ROOT.resolve(main));
	}

	/** The output's words, joined by single spaces: what a token comparison sees. */
	static String words(PreprocessedUnit unit) {
		return String.join(" ", GnuCpp.words(unit.text()));
	}

	/** Preprocesses one file "main.dts" with the given text and returns its words. */
	static String expand(String text) {
		return words(new MemorySources().file("main.dts", text).run("main.dts"));
	}
}
