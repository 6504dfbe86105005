package dev.carveout.dts.cpp;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

import dev.carveout.memmap.Severity;

/**
 * Cuts a file into preprocessing tokens the way GNU cpp does with {@code -x assembler-with-cpp}: backslash-newlines
 * spliced first, comments ({@code /* *}{@code /} and {@code //}) turned into whitespace, and a quote that is not
 * closed on its line yields one "other" token running to the end of the line instead of an error (that is how
 * assembler mode treats apostrophes, and why a comment after one is not a comment). Digraphs are not recognized;
 * DeviceTree sources do not use them. A NUL character is whitespace, and stays in a literal, each with GNU cpp's
 * warning.
 */
final class CppLexer {

	/**
	 * NUL warnings kept per file. cpp warns at each run of NULs; a UTF-16 file has one per character, and past the
	 * first hundred more would only flood the findings and the editor's markers.
	 */
	static final int NUL_WARNINGS = 100;

	/** Identifier spellings shared by all files, so the macro table's lookups hit cached hash codes. */
	private static final ConcurrentHashMap<String, String> NAMES = new ConcurrentHashMap<>();

	private CppLexer() {
	}

	static LexedFile lex(Path path, String content) {
		char[] raw = content.toCharArray();
		int[] lineStarts = lineStarts(raw);
		char[] text = raw;
		int[] physical = null;
		if (needsSplicing(raw)) {
			physical = new int[raw.length + 1];
			text = new char[raw.length];
			int k = 0;
			for (int i = 0; i < raw.length;) {
				char c = raw[i];
				if (c == '\\') {
					int j = i + 1;
					while (j < raw.length && (raw[j] == ' ' || raw[j] == '\t')) {
						j++;
					}
					if (j < raw.length && raw[j] == '\n') {
						i = j + 1;
						continue;
					}
					if (j + 1 < raw.length && raw[j] == '\r' && raw[j + 1] == '\n') {
						i = j + 2;
						continue;
					}
				} else if (c == '\r' && i + 1 < raw.length && raw[i + 1] == '\n') {
					i++;
					continue;
				}
				physical[k] = i;
				text[k++] = c;
				i++;
			}
			physical[k] = raw.length;
			text = Arrays.copyOf(text, k);
			physical = Arrays.copyOf(physical, k + 1);
		}
		return new CppLexer.Run(path, content, text, text == raw ? content : new String(text), physical, lineStarts)
				.lex();
	}

	private static boolean needsSplicing(char[] raw) {
		for (int i = 0; i < raw.length; i++) {
			char c = raw[i];
			if (c == '\r' || c == '\\' && i + 1 < raw.length && (raw[i + 1] == '\n' || raw[i + 1] == ' '
					|| raw[i + 1] == '\t' || raw[i + 1] == '\r')) {
				return true;
			}
		}
		return false;
	}

	private static int[] lineStarts(char[] raw) {
		int lines = 1;
		for (char c : raw) {
			if (c == '\n') {
				lines++;
			}
		}
		int[] starts = new int[lines];
		int l = 1;
		for (int i = 0; i < raw.length; i++) {
			if (raw[i] == '\n') {
				starts[l++] = i + 1;
			}
		}
		return starts;
	}

	static boolean isIdentStart(char c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
	}

	static boolean isIdentChar(char c) {
		return isIdentStart(c) || c >= '0' && c <= '9';
	}

	static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	static String intern(char[] text, int from, int to) {
		String s = new String(text, from, to - from);
		if (NAMES.size() > 1 << 20) {
			// sharing is only an optimization; an editor session typing new names must not grow this forever
			NAMES.clear();
		}
		String known = NAMES.putIfAbsent(s, s);
		return known != null ? known : s;
	}

	/**
	 * The punctuator starting at i (longest match), as a constant string, or null for a character cpp calls
	 * "other".
	 */
	static String punctuator(char[] t, int i, int n) {
		char c = t[i];
		char d = i + 1 < n ? t[i + 1] : 0;
		char e = i + 2 < n ? t[i + 2] : 0;
		switch (c) {
		case '<':
			return d == '<' ? (e == '=' ? "<<=" : "<<") : d == '=' ? "<=" : "<";
		case '>':
			return d == '>' ? (e == '=' ? ">>=" : ">>") : d == '=' ? ">=" : ">";
		case '.':
			return d == '.' && e == '.' ? "..." : ".";
		case '-':
			return d == '>' ? "->" : d == '-' ? "--" : d == '=' ? "-=" : "-";
		case '+':
			return d == '+' ? "++" : d == '=' ? "+=" : "+";
		case '=':
			return d == '=' ? "==" : "=";
		case '!':
			return d == '=' ? "!=" : "!";
		case '&':
			return d == '&' ? "&&" : d == '=' ? "&=" : "&";
		case '|':
			return d == '|' ? "||" : d == '=' ? "|=" : "|";
		case '*':
			return d == '=' ? "*=" : "*";
		case '/':
			return d == '=' ? "/=" : "/";
		case '%':
			return d == '=' ? "%=" : "%";
		case '^':
			return d == '=' ? "^=" : "^";
		case '#':
			return d == '#' ? "##" : "#";
		case '[':
			return "[";
		case ']':
			return "]";
		case '(':
			return "(";
		case ')':
			return ")";
		case '{':
			return "{";
		case '}':
			return "}";
		case '~':
			return "~";
		case '?':
			return "?";
		case ':':
			return ":";
		case ';':
			return ";";
		case ',':
			return ",";
		default:
			return null;
		}
	}

	/**
	 * Scans one token at i of t[0..n) and returns its end; the kind goes to kindOut[0]. Shared by the file lexer
	 * and by ## (which re-lexes the pasted spelling to see whether it forms one token).
	 */
	static int scanToken(char[] t, int i, int n, int[] kindOut) {
		char c = t[i];
		if (isIdentStart(c)) {
			int j = i + 1;
			while (j < n && isIdentChar(t[j])) {
				j++;
			}
			kindOut[0] = Tok.NAME;
			return j;
		}
		if (isDigit(c) || c == '.' && i + 1 < n && isDigit(t[i + 1])) {
			int j = i + 1;
			while (j < n) {
				char d = t[j];
				if (isIdentChar(d) || d == '.') {
					j++;
				} else if ((d == '+' || d == '-') && (t[j - 1] == 'e' || t[j - 1] == 'E' || t[j - 1] == 'p'
						|| t[j - 1] == 'P')) {
					j++;
				} else {
					break;
				}
			}
			kindOut[0] = Tok.NUMBER;
			return j;
		}
		if (c == '"' || c == '\'') {
			int j = i + 1;
			while (true) {
				if (j >= n || t[j] == '\n') {
					kindOut[0] = Tok.OTHER;
					return j;
				}
				char d = t[j];
				if (d == '\\' && j + 1 < n && t[j + 1] != '\n') {
					j += 2;
				} else if (d == c) {
					kindOut[0] = c == '"' ? Tok.STRING : Tok.CHAR;
					return j + 1;
				} else {
					j++;
				}
			}
		}
		String punct = punctuator(t, i, n);
		if (punct != null) {
			kindOut[0] = Tok.PUNCT;
			return i + punct.length();
		}
		kindOut[0] = Tok.OTHER;
		return i + 1;
	}

	/** The state of lexing one file. */
	private static final class Run {
		private final Path path;
		private final String content;
		private final char[] t;
		private final String textString;
		private final int[] physical;
		private final int[] lineStarts;
		private int count;
		private byte[] kind;
		private byte[] flags;
		private int[] start;
		private int[] end;
		private String[] names;
		private int[] problemOffsets = new int[0];
		private String[] problems = new String[0];
		private Severity[] problemSeverities = new Severity[0];
		private int nulWarnings;

		Run(Path path, String content, char[] text, String textString, int[] physical, int[] lineStarts) {
			this.path = path;
			this.content = content;
			this.t = text;
			this.textString = textString;
			this.physical = physical;
			this.lineStarts = lineStarts;
			int capacity = Math.max(16, text.length / 4);
			kind = new byte[capacity];
			flags = new byte[capacity];
			start = new int[capacity];
			end = new int[capacity];
			names = new String[capacity];
		}

		LexedFile lex() {
			int n = t.length;
			int[] kindOut = new int[1];
			boolean bol = true;
			boolean white = false;
			int i = 0;
			while (i < n) {
				char c = t[i];
				if (c == '\n') {
					bol = true;
					white = false;
					i++;
					continue;
				}
				if (c == ' ' || c == '\t' || c == '\f' || c == '\u000b' || c == '\r') {
					white = true;
					i++;
					continue;
				}
				if (c == '/' && i + 1 < n && t[i + 1] == '*') {
					int close = indexOfCommentEnd(i + 2, n);
					if (close < 0) {
						problem(i, Severity.ERROR, "unterminated comment");
						i = n;
					} else {
						i = close + 2;
					}
					white = true;
					continue;
				}
				if (c == '/' && i + 1 < n && t[i + 1] == '/') {
					while (i < n && t[i] != '\n') {
						i++;
					}
					white = true;
					continue;
				}
				if (c == '\0') {
					// as GNU cpp: a run of NULs outside literals is whitespace, with one warning
					nulWarning(i, "null character(s) ignored");
					while (i < n && t[i] == '\0') {
						i++;
					}
					white = true;
					continue;
				}
				int e = scanToken(t, i, n, kindOut);
				if ((c == '"' || c == '\'') && indexOfNul(i, e) >= 0) {
					nulWarning(i, "null character(s) preserved in literal");
				}
				add(kindOut[0], (bol ? Tok.BOL : 0) | (white ? Tok.PREV_WHITE : 0), i, e);
				bol = false;
				white = false;
				i = e;
			}
			return new LexedFile(path, content, textString, physical, lineStarts, count, Arrays.copyOf(kind, count),
					Arrays.copyOf(flags, count), Arrays.copyOf(start, count), Arrays.copyOf(end, count),
					Arrays.copyOf(names, count), problemOffsets, problems, problemSeverities);
		}

		private int indexOfNul(int from, int to) {
			for (int j = from; j < to; j++) {
				if (t[j] == '\0') {
					return j;
				}
			}
			return -1;
		}

		private int indexOfCommentEnd(int from, int n) {
			for (int j = from; j + 1 < n; j++) {
				if (t[j] == '*' && t[j + 1] == '/') {
					return j;
				}
			}
			return -1;
		}

		private void add(int k, int f, int s, int e) {
			if (count == kind.length) {
				int capacity = count * 2;
				kind = Arrays.copyOf(kind, capacity);
				flags = Arrays.copyOf(flags, capacity);
				start = Arrays.copyOf(start, capacity);
				end = Arrays.copyOf(end, capacity);
				names = Arrays.copyOf(names, capacity);
			}
			kind[count] = (byte) k;
			flags[count] = (byte) f;
			start[count] = s;
			end[count] = e;
			if (k == Tok.NAME) {
				names[count] = intern(t, s, e);
			} else if (k == Tok.PUNCT) {
				names[count] = punctuator(t, s, e);
			}
			count++;
		}

		private void nulWarning(int offset, String message) {
			if (nulWarnings++ < NUL_WARNINGS) {
				problem(offset, Severity.WARNING, message);
			}
		}

		private void problem(int offset, Severity severity, String message) {
			problemOffsets = Arrays.copyOf(problemOffsets, problemOffsets.length + 1);
			problems = Arrays.copyOf(problems, problems.length + 1);
			problemSeverities = Arrays.copyOf(problemSeverities, problemSeverities.length + 1);
			problemOffsets[problemOffsets.length - 1] = offset;
			problems[problems.length - 1] = message;
			problemSeverities[problemSeverities.length - 1] = severity;
		}
	}
}
