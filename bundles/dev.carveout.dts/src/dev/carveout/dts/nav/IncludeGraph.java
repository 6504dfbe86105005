package dev.carveout.dts.nav;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.dts.cpp.SourceReader;

/**
 * Which files a file includes, from its text alone: cpp's {@code #include} (and {@code #include_next}) and dtc's
 * {@code /include/}, resolved in cpp's order (the includer's directory for "...", then each -I directory). Cheap
 * enough to ask on every keystroke, which is why it does not build a tree.
 */
public final class IncludeGraph {

	private static final Pattern INCLUDE = Pattern.compile(
			"^[ \\t]*(?:#[ \\t]*include(?:_next)?[ \\t]*([\"<])([^\">\\n]+)[\">]|/include/[ \\t]*\"([^\"\\n]+)\")",
			Pattern.MULTILINE);

	/** One include line of a file: where it is and the file it names (null when not found). */
	public record Include(int offset, int length, String name, Path target) {
	}

	private final SourceReader reader;
	private final List<Path> includeDirs;

	public IncludeGraph(SourceOverlay overlay, List<Path> includeDirs) {
		this.reader = SourceReader.withUnsaved(overlay::contentOf);
		this.includeDirs = List.copyOf(includeDirs);
	}

	public List<Include> includesOf(Path file, String text) {
		List<Include> includes = new ArrayList<>();
		Matcher m = INCLUDE.matcher(text);
		while (m.find()) {
			includes.add(include(file, m));
		}
		return includes;
	}

	/**
	 * The include line of {@code file} that covers {@code offset} (the end of the line included), or null. Only the
	 * cursor's line is read: this runs as the mouse moves with Ctrl held.
	 */
	public Include includeAt(Path file, String text, int offset) {
		int at = Math.max(0, Math.min(offset, text.length()));
		int lineStart = text.lastIndexOf('\n', at - 1) + 1;
		int lineEnd = text.indexOf('\n', at);
		Matcher m = INCLUDE.matcher(text).region(lineStart, lineEnd < 0 ? text.length() : lineEnd);
		m.useAnchoringBounds(true);
		return m.find() && offset <= m.end() ? include(file, m) : null;
	}

	private Include include(Path file, Matcher m) {
		boolean quoted = m.group(3) != null || "\"".equals(m.group(1));
		String name = m.group(3) != null ? m.group(3) : m.group(2);
		return new Include(m.start(), m.end() - m.start(), name, resolve(file, name, quoted));
	}

	/** The file and everything it includes, transitively. */
	public Set<Path> closure(Path file) {
		Set<Path> seen = new LinkedHashSet<>();
		collect(file, seen);
		return seen;
	}

	/** The include line of {@code file} through which {@code target} is read, or null. */
	public Include includeLeadingTo(Path file, String text, Path target) {
		for (Include include : includesOf(file, text)) {
			if (include.target() != null && closure(include.target()).contains(target)) {
				return include;
			}
		}
		return null;
	}

	private void collect(Path file, Set<Path> seen) {
		if (!seen.add(file)) {
			return;
		}
		for (Include include : includesOf(file, read(file))) {
			if (include.target() != null) {
				collect(include.target(), seen);
			}
		}
	}

	/** The directories cpp searches for an include written with quotes or angle brackets, in order. */
	public List<Path> searchPath(Path includer, boolean quoted) {
		List<Path> dirs = new ArrayList<>();
		if (quoted && includer.getParent() != null) {
			dirs.add(includer.getParent());
		}
		dirs.addAll(includeDirs);
		return dirs;
	}

	public Path resolve(Path includer, String name, boolean quoted) {
		for (Path dir : searchPath(includer, quoted)) {
			Path candidate = dir.resolve(name).toAbsolutePath().normalize();
			if (reader.exists(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	private String read(Path file) {
		try {
			return reader.read(file);
		} catch (IOException e) {
			return "";
		}
	}
}
