package dev.carveout.lsp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.carveout.dts.check.SourceOverlay;

/**
 * Which files a file includes, from its text alone: cpp's {@code #include} and dtc's {@code /include/}, resolved
 * in cpp's order (the includer's directory for "...", then each -I directory). Cheap enough to ask on every
 * keystroke, which is why it does not build a tree.
 */
final class IncludeGraph {

	private static final Pattern INCLUDE = Pattern.compile(
			"^[ \\t]*(?:#[ \\t]*include[ \\t]*([\"<])([^\">\\n]+)[\">]|/include/[ \\t]*\"([^\"\\n]+)\")", Pattern.MULTILINE);

	/** One include line of a file: where it is and the file it names (null when not found). */
	record Include(int offset, int length, String name, Path target) {
	}

	private final SourceOverlay overlay;
	private final List<Path> includeDirs;

	IncludeGraph(SourceOverlay overlay, List<Path> includeDirs) {
		this.overlay = overlay;
		this.includeDirs = includeDirs;
	}

	List<Include> includesOf(Path file, String text) {
		List<Include> includes = new ArrayList<>();
		Matcher m = INCLUDE.matcher(text);
		while (m.find()) {
			boolean quoted = m.group(3) != null || "\"".equals(m.group(1));
			String name = m.group(3) != null ? m.group(3) : m.group(2);
			includes.add(new Include(m.start(), m.end() - m.start(), name, resolve(file, name, quoted)));
		}
		return includes;
	}

	/** The file and everything it includes, transitively. */
	Set<Path> closure(Path file) {
		Set<Path> seen = new LinkedHashSet<>();
		collect(file, seen);
		return seen;
	}

	/** The include line of {@code file} through which {@code target} is read, or null. */
	Include includeLeadingTo(Path file, String text, Path target) {
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
		for (Include include : includesOf(file, EngineSession.read(file, overlay))) {
			if (include.target() != null) {
				collect(include.target(), seen);
			}
		}
	}

	Path resolve(Path includer, String name, boolean quoted) {
		List<Path> dirs = new ArrayList<>();
		if (quoted && includer.getParent() != null) {
			dirs.add(includer.getParent());
		}
		dirs.addAll(includeDirs);
		for (Path dir : dirs) {
			Path candidate = dir.resolve(name).toAbsolutePath().normalize();
			if (overlay.contentOf(candidate).isPresent() || Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		return null;
	}
}
