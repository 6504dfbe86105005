package dev.carveout.dts.cpp;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lexed files shared by all preprocessor runs in the JVM, thread-safe. An entry is used only when both the path
 * and the text match, so an edited buffer is lexed afresh; it then replaces the older text of that path, which
 * keeps the cache at one entry per file however long an editor session runs.
 */
public final class LexCache {

	/** The cache all {@link Preprocessor}s use unless given another. */
	public static final LexCache SHARED = new LexCache();

	private final ConcurrentHashMap<Path, LexedFile> files = new ConcurrentHashMap<>();

	LexedFile get(Path path, String content) {
		LexedFile known = files.get(path);
		if (known != null && (known.content == content || known.content.equals(content))) {
			return known;
		}
		LexedFile lexed = CppLexer.lex(path, content);
		files.put(path, lexed);
		return lexed;
	}

	public int size() {
		return files.size();
	}

	public void clear() {
		files.clear();
	}
}
