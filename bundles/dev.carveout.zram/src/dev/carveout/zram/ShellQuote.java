package dev.carveout.zram;

import java.util.regex.Pattern;

/**
 * Values on their way to a shell on the board: every one is passed as one single-quoted word, so any text
 * zram-generator accepts (spaces, non-ASCII paths, quotes) reaches the board as data and never as shell syntax.
 */
public final class ShellQuote {

	/** Characters no POSIX shell treats specially anywhere in a word. */
	private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._/=:,+@%-]+");

	private ShellQuote() {
	}

	/**
	 * POSIX single quotes, a quote inside closed, escaped and reopened; a plain word (a name, a number, a path) as it
	 * is, so that plans stay readable.
	 */
	public static String quote(String value) {
		return PLAIN.matcher(value).matches() ? value : "'" + value.replace("'", "'\\''") + "'";
	}
}
