package dev.carveout.dts.corpus.dtcerr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a fault adds to a base board: lines appended to the board file, files it names (an /include/d fragment, an
 * /incbin/ blob), and where the fault is: the place a dtc error without a location (its FATAL ERRORs) is expected.
 */
final class Snippet {

	private final String variant;
	private final List<String> lines = new ArrayList<>();
	private final Map<String, byte[]> files = new LinkedHashMap<>();
	private int faultLine = -1;
	private String faultFile;
	private String header;

	Snippet(String variant) {
		this.variant = variant;
	}

	String variant() {
		return variant;
	}

	Snippet line(String text) {
		lines.add(text);
		return this;
	}

	/** The line that holds the fault. */
	Snippet fault(String text) {
		if (faultLine < 0) {
			faultLine = lines.size();
		}
		return line(text);
	}

	/**
	 * One line that takes the place of the base's '/dts-v1/;' line (the first one alone on its line), so the base's
	 * lines keep their numbers.
	 */
	Snippet header(String line) {
		header = line;
		return this;
	}

	/** The line for the base's '/dts-v1/;', or null to keep it. */
	String header() {
		return header;
	}

	Snippet file(String name, String text) {
		return file(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	Snippet file(String name, byte[] bytes) {
		files.put(name, bytes);
		return this;
	}

	/** The fault is on {@code line} (1-based) of the extra file {@code name}. */
	Snippet faultIn(String name, int line) {
		faultFile = name;
		faultLine = line - 1;
		return this;
	}

	List<String> lines() {
		return lines;
	}

	Map<String, byte[]> files() {
		return files;
	}

	/** 0-based index into {@link #lines()} (or into the extra file), -1 when the snippet is meant to be accepted. */
	int faultLine() {
		return faultLine;
	}

	/** The extra file the fault is in, or null for the board. */
	String faultFile() {
		return faultFile;
	}
}
