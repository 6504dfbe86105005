package dev.carveout.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.google.gson.JsonObject;

import dev.carveout.memmap.SourceRef;

/**
 * Where things are, in SARIF's terms: artifact URIs relative to SRCROOT (the directory the check runs in)
 * when a file is under it, so a log stays valid on another checkout, else absolute; regions with start and end
 * line and 1-based UTF-16 column, as the engine counts them.
 */
final class SarifLocations {

	static final String SRCROOT = "SRCROOT";

	private final URI root;
	/** Files as read from disk, to turn an offset and length into an end line and column; one board's worth. */
	private final Map<Path, Optional<String>> texts = new HashMap<>();

	/** Files not read: the findings are not in the files on disk (diff's head revision), so regions have no end. */
	private final boolean readFiles;

	SarifLocations(Path root) {
		this(root, true);
	}

	SarifLocations(Path root, boolean readFiles) {
		this.root = root.toAbsolutePath().normalize().toUri();
		this.readFiles = readFiles;
	}

	JsonObject baseIds() {
		JsonObject srcroot = new JsonObject();
		srcroot.addProperty("uri", root.toString());
		JsonObject baseIds = new JsonObject();
		baseIds.add(SRCROOT, srcroot);
		return baseIds;
	}

	JsonObject of(SourceRef at) {
		JsonObject region = new JsonObject();
		region.addProperty("startLine", at.line());
		region.addProperty("startColumn", at.column());
		text(at.file()).ifPresent(text -> {
			int[] end = end(text, at);
			if (end != null) {
				region.addProperty("endLine", end[0]);
				region.addProperty("endColumn", end[1]);
			}
		});
		JsonObject physical = new JsonObject();
		physical.add("artifactLocation", artifact(at.file()));
		physical.add("region", region);
		JsonObject location = new JsonObject();
		location.add("physicalLocation", physical);
		return location;
	}

	/**
	 * Where the finding's text ends: after its length, or at the end of its line when the engine knows only
	 * where it starts (a preprocessor message). Null when the reference does not fit the file.
	 */
	private static int[] end(String text, SourceRef at) {
		int start = at.offset();
		if (start > text.length()) {
			return null;
		}
		int end;
		if (at.length() > 0) {
			end = Math.min(text.length(), start + at.length());
		} else {
			end = start;
			while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
				end++;
			}
		}
		int line = at.line() + (int) text.substring(start, end).chars().filter(c -> c == '\n').count();
		int lineStart = end == 0 ? 0 : text.lastIndexOf('\n', end - 1) + 1;
		return new int[] { line, end - lineStart + 1 };
	}

	/** Relative to SRCROOT when the file is under it, so the log is valid on another checkout; else absolute. */
	JsonObject artifact(Path file) {
		URI uri = file.toAbsolutePath().normalize().toUri();
		URI relative = root.relativize(uri);
		JsonObject o = new JsonObject();
		if (!relative.isAbsolute()) {
			o.addProperty("uri", relative.toString());
			o.addProperty("uriBaseId", SRCROOT);
		} else {
			o.addProperty("uri", uri.toString());
		}
		return o;
	}

	private Optional<String> text(Path file) {
		if (!readFiles) {
			return Optional.empty();
		}
		return texts.computeIfAbsent(file, f -> {
			try {
				return Optional.of(Files.readString(f));
			} catch (IOException e) {
				return Optional.empty();
			}
		});
	}
}
