package dev.carveout.dts.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.antlr.runtime.ANTLRStringStream;

import dev.carveout.dts.cpp.Origin;
import dev.carveout.dts.cpp.OriginMap;
import dev.carveout.dts.parser.PreprocessorLines;

/**
 * Cuts a part's preprocessed text into {@link Segment}s (docs/design/parse-pipeline.md): after a ';' at brace
 * depth 0 where the next item comes from another file than the segment's first item. The scan skips what the
 * grammar's lexer reads as one token (strings, character literals, comments, '&{/path}', cpp directive lines),
 * so a ';' or brace inside them never cuts. A cut is made only where a line break separates the items, so an
 * item that starts a segment sees the start of a line before it, as it does in the whole text (cpp's directive
 * rule looks back to the line start). A cut in the wrong place cannot go unnoticed: the segments would not parse
 * without errors, and SourceSet then parses the whole text.
 */
final class SegmentCutter {

	private final String text;
	private final OriginMap origins;
	/** Made only when a '#' at depth 0 has to be judged by cpp's directive rule (rare in cpp's output). */
	private ANTLRStringStream stream;

	private SegmentCutter(String text, OriginMap origins) {
		this.text = text;
		this.origins = origins;
	}

	/** The segments of {@code text} in order; none when it is blank. */
	static List<Segment> cut(String text, OriginMap origins) {
		return new SegmentCutter(text, origins).cut();
	}

	private List<Segment> cut() {
		List<Segment> segments = new ArrayList<>();
		int n = text.length();
		int start = skipBlanks(0);
		if (start == n) {
			return segments;
		}
		Path file = fileAt(start);
		int depth = 0;
		int i = start;
		while (i < n) {
			char c = text.charAt(i);
			if (c == ';' && depth == 0) {
				int next = skipBlanks(i + 1);
				if (next < n && text.substring(i + 1, next).indexOf('\n') >= 0) {
					Path nextFile = fileAt(next);
					if (!Objects.equals(nextFile, file)) {
						segments.add(new Segment(start, i + 1, file));
						start = next;
						file = nextFile;
					}
				}
				i = next;
			} else {
				if (c == '{') {
					depth++;
				} else if (c == '}') {
					depth--;
				}
				i = skipToken(i);
			}
		}
		segments.add(new Segment(start, trimmedEnd(), file));
		return segments;
	}

	/** The offset after the token that starts at i, for the tokens that may hold ';', braces or quotes. */
	private int skipToken(int i) {
		char c = text.charAt(i);
		char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
		if (c == '"' || c == '\'') {
			return afterQuoted(i, c);
		} else if (c == '/' && next == '*') {
			int end = text.indexOf("*/", i + 2);
			return end < 0 ? text.length() : end + 2;
		} else if (c == '/' && next == '/') {
			return lineEnd(i, false);
		} else if (c == '&' && next == '{') {
			int end = text.indexOf('}', i + 2);
			return end < 0 ? text.length() : end + 1;
		} else if (c == '#' && directiveLine(i)) {
			return lineEnd(i, true);
		}
		return i + 1;
	}

	/** A string or character literal with backslash escapes; unterminated, it runs to the end (as the lexer reads it). */
	private int afterQuoted(int i, char quote) {
		for (int j = i + 1; j < text.length(); j++) {
			char c = text.charAt(j);
			if (c == '\\') {
				j++;
			} else if (c == quote) {
				return j + 1;
			}
		}
		return text.length();
	}

	private boolean directiveLine(int i) {
		if (stream == null) {
			stream = new ANTLRStringStream(text);
		}
		stream.seek(i);
		return PreprocessorLines.startsDirective(stream);
	}

	/** The end of the line at i, with its backslash continuations for a directive line (a // comment has none). */
	private int lineEnd(int i, boolean continued) {
		int j = i;
		while (j < text.length() && text.charAt(j) != '\n' && text.charAt(j) != '\r') {
			if (continued && text.charAt(j) == '\\' && j + 1 < text.length()
					&& (text.charAt(j + 1) == '\n' || text.startsWith("\r\n", j + 1))) {
				j += text.startsWith("\r\n", j + 1) ? 2 : 1;
			}
			j++;
		}
		return j;
	}

	/** Skips what the grammar's WS rule matches, nothing else (a comment starts an item's stretch, to be safe). */
	private int skipBlanks(int from) {
		int i = from;
		while (i < text.length() && isBlank(text.charAt(i))) {
			i++;
		}
		return i;
	}

	private int trimmedEnd() {
		int end = text.length();
		while (end > 0 && isBlank(text.charAt(end - 1))) {
			end--;
		}
		return end;
	}

	private static boolean isBlank(char c) {
		return c == ' ' || c == '\t' || c == '\r' || c == '\n';
	}

	private Path fileAt(int offset) {
		Origin origin = origins.originOf(offset);
		return origin == null ? null : origin.file();
	}
}
