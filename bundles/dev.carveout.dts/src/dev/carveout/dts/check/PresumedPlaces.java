package dev.carveout.dts.check;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.carveout.dts.cpp.LineDirective;
import dev.carveout.dts.cpp.Origin;
import dev.carveout.dts.cpp.OriginMap;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.Severity;
import dev.carveout.memmap.SourceRef;

/**
 * Where dtc places the lines that follow a line marker written in the sources ('# 12 "other.dtsi"') or a #line
 * directive ('#line 12 "other.dtsi"', which cpp reads itself and then names in every marker it writes for that file,
 * an #include later included). kbuild's cpp
 * passes such a line through (in assembler mode '#' and a number is no directive) and dtc's lexer takes it for its
 * own: from the next line on it names the marker's file and line, until cpp writes a marker of its own, which it does
 * where its output changes file (an #include entered or left) and where the next line it prints is not within 8 lines
 * after the last (c-ppoutput.cc, maybe_print_line: closer lines are padded with newlines). In a file dtc /include/s,
 * which cpp never reads, a marker holds to the file's end. The engine's findings stay where the text is (the editor
 * marks it, the quick fixes edit it); {@link #reportAgain} adds each error at dtc's place too.
 */
final class PresumedPlaces {

	/** dtc-lexer.l's line directive: '#' first on its line, "line" or not, the number, the file, cpp's flags. */
	private static final Pattern MARKER = Pattern
			.compile("#(?:line)?[ \\t]+([0-9]+)[ \\t]+\"((?:[^\\\\\"]|\\\\.)*)\"(?:[ \\t]+[0-9]+)*");
	/** Whether any line starts with '#': without one there is nothing to walk (nearly every board). */
	private static final Pattern HASH_FIRST = Pattern.compile("(?m)^#");
	/** dtc reads a marker's number with atoi: past an int it means nothing sane, and is left alone here. */
	private static final int MAX_DIGITS = 9;
	/** cpp prints blank lines for a gap of up to 8 lines; past that it writes a marker, which ends dtc's. */
	private static final int CPP_PADDED_GAP = 8;

	private record Line(Path file, int number) {
	}

	/** The place dtc gives a line, and the marker that moved it there. */
	private record Presumed(Path file, int line, Line marker) {
	}

	/** A marker in force: the line it stands on and what it names for the line after it. */
	private record Marker(Line at, Path file, long nextLine, boolean isLineDirective) {

		Presumed place(int line) {
			return new Presumed(file, (int) (nextLine + line - at.number() - 1), at);
		}
	}

	/** The first reading of a line wins: a file included twice is placed as its first inclusion is. */
	private final Map<Line, Presumed> places = new HashMap<>();

	/** Each file's #line directives as markers, in order, each naming the file the ones before it named. */
	private static Map<Path, List<Marker>> cppPlaces(List<LineDirective> directives) {
		Map<Path, List<Marker>> places = new HashMap<>();
		for (LineDirective d : directives) {
			List<Marker> inFile = places.computeIfAbsent(d.file(), f -> new ArrayList<>());
			Path named = d.name() != null ? resolve(d.file(), d.name())
					: inFile.isEmpty() ? d.file() : inFile.get(inFile.size() - 1).file();
			if (named == null) {
				continue;
			}
			inFile.add(new Marker(new Line(d.file(), d.line()), named, d.number(), true));
		}
		return places;
	}

	/** Whether a #line stands between two lines of its file, where cpp then writes a marker. */
	private static boolean lineDirectiveBetween(List<Marker> lineDirectives, Line previous, Line line) {
		for (Marker d : lineDirectives) {
			if (d.at().number() > previous.number() && d.at().number() < line.number()) {
				return true;
			}
		}
		return false;
	}

	/** The last #line before a line of its file, or null. */
	private static Marker inForce(List<Marker> lineDirectives, Line line) {
		Marker last = null;
		for (Marker d : lineDirectives) {
			if (d.at().number() < line.number()) {
				last = d;
			}
		}
		return last;
	}

	/** The lines of cpp's output (as the engine's preprocessor wrote it) that follow a marker or a #line. */
	void addPreprocessed(String text, OriginMap origins) {
		List<LineDirective> directives = origins.lineDirectives();
		if (directives.isEmpty() && !HASH_FIRST.matcher(text).find()) {
			return;
		}
		Map<Path, List<Marker>> cppPlaces = cppPlaces(directives);
		Matcher marker = MARKER.matcher(text);
		Line previous = null;
		Marker active = null;
		for (int start = 0; start < text.length();) {
			int end = text.indexOf('\n', start);
			end = end < 0 ? text.length() : end;
			int first = start;
			while (first < end && Character.isWhitespace(text.charAt(first))) {
				first++;
			}
			Origin origin = first < end ? origins.originOf(first) : null;
			if (origin != null) {
				Line line = new Line(origin.file(), origin.line());
				List<Marker> lineDirectives = cppPlaces.getOrDefault(line.file(), List.of());
				if (cppWritesMarker(previous, line) || lineDirectiveBetween(lineDirectives, previous, line)) {
					active = null;
				}
				active = next(active == null ? inForce(lineDirectives, line) : active, line, marker.region(start, end));
				if (active != null && active.isLineDirective()) {
					active = null; // cpp's own presumption, looked up again for each line
				}
				previous = line;
			}
			start = end + 1;
		}
	}

	/** The lines of a file dtc reads itself (an /include/), after a marker in it. */
	void addDtcFile(Path file, String text) {
		if (!HASH_FIRST.matcher(text).find()) {
			return;
		}
		Matcher marker = MARKER.matcher(text);
		Marker active = null;
		int number = 1;
		for (int start = 0; start <= text.length(); number++) {
			int end = text.indexOf('\n', start);
			end = end < 0 ? text.length() : end;
			active = next(active, new Line(file, number), marker.region(start, end));
			start = end + 1;
		}
	}

	/** A marker on this line starts its reign; any other line under one is placed where it says. */
	private Marker next(Marker active, Line line, Matcher marker) {
		Path named = marker.lookingAt() && marker.group(1).length() <= MAX_DIGITS
				? resolve(line.file(), unescape(marker.group(2)))
				: null;
		if (named != null) {
			return new Marker(line, named, Long.parseLong(marker.group(1)), false);
		}
		if (active != null) {
			places.putIfAbsent(line, active.place(line.number()));
		}
		return active;
	}

	/**
	 * A name a marker gives, as a path: relative to the folder of the file the marker is in; null for a name no path
	 * can have (a NUL in it, which dtc refuses too).
	 */
	private static Path resolve(Path markerFile, String name) {
		Path named;
		try {
			named = Path.of(name);
		} catch (InvalidPathException e) {
			return null;
		}
		Path folder = markerFile.getParent();
		return folder == null || named.isAbsolute() ? named : folder.resolve(named).normalize();
	}

	private static boolean cppWritesMarker(Line previous, Line line) {
		return previous == null || !previous.file().equals(line.file()) || line.number() <= previous.number()
				|| line.number() > previous.number() + CPP_PADDED_GAP;
	}

	/** dtc's data_copy_escape_string, for the escapes a file name can hold. */
	private static String unescape(String name) {
		return name.replaceAll("\\\\(.)", "$1");
	}

	/** Each error from {@code from} on that stands on a line dtc places elsewhere is added again at dtc's place. */
	void reportAgain(List<Finding> findings, int from) {
		if (places.isEmpty()) {
			return;
		}
		int end = findings.size();
		for (int i = from; i < end; i++) {
			Finding f = findings.get(i);
			Presumed place = f.severity() == Severity.ERROR && f.at().isKnown()
					? places.get(new Line(f.at().file(), f.at().line()))
					: null;
			if (place != null) {
				String moved = " (written at " + f.at().file().getFileName() + ":" + f.at().line()
						+ "; dtc places it here by the line marker at " + place.marker().file().getFileName() + ":"
						+ place.marker().number() + ")";
				findings.add(new Finding(f.ruleId(), f.severity(), f.message() + moved,
						new SourceRef(place.file(), place.line(), f.at().column(), 0, 0), f.nodePath(), f.related()));
			}
		}
	}
}
