package dev.carveout.dts.cpp;

import java.nio.file.Path;
import java.util.List;

/**
 * Finds the file an #include names, in cpp's order: for "file" the including file's directory first, then the -I
 * directories; for &lt;file&gt; only the -I directories; #include_next continues after the directory the including
 * file was found in.
 */
final class IncludeSearch {

	/** The file found (absolute, normalized) and the index of its -I directory (-1: the includer's directory). */
	record Result(Path file, int dirIndex, String searched) {
	}

	private final List<Path> dirs;
	private final SourceReader reader;

	IncludeSearch(List<Path> dirs, SourceReader reader) {
		this.dirs = dirs;
		this.reader = reader;
	}

	/**
	 * Looks for name as included from includer (found in -I directory includerDir, or -1). When nothing is found,
	 * the result's file is null and {@code searched} lists the directories tried, for the diagnostic.
	 */
	Result find(String name, boolean angled, boolean next, Path includer, int includerDir) {
		Path parent = includer.getParent();
		// #include_next from a file not found through the -I directories acts like #include, as in cpp
		boolean fromNext = next && includerDir >= 0;
		if (!angled && !fromNext) {
			Path candidate = parent == null ? Path.of(name) : parent.resolve(name);
			if (reader.exists(candidate)) {
				return new Result(candidate.toAbsolutePath().normalize(), -1, null);
			}
		}
		for (int d = fromNext ? includerDir + 1 : 0; d < dirs.size(); d++) {
			Path candidate = dirs.get(d).resolve(name);
			if (reader.exists(candidate)) {
				return new Result(candidate.toAbsolutePath().normalize(), d, null);
			}
		}
		StringBuilder searched = new StringBuilder();
		if (!angled && parent != null) {
			searched.append(parent);
		}
		for (Path d : dirs) {
			searched.append(searched.length() > 0 ? ", " : "").append(d);
		}
		return new Result(null, -1, searched.toString());
	}
}
