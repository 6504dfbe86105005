package dev.carveout.zram;

/**
 * Which characters a configuration value may carry toward a shell on the board. Every value Carveout deploys ends up
 * in a command line, so anything a shell would interpret is refused at parse time, before a connection exists.
 */
public final class ShellSafety {

	/**
	 * Quoting, expansion, globbing, redirection, command separators, comments and escapes. Parentheses and '*' are
	 * decided by the caller: the size and algorithm syntaxes need them, and their parsers consume them (the board only
	 * ever gets the evaluated number or the algorithm's name and parameters).
	 */
	private static final String METACHARACTERS = ";&|$`\\\"'<>*?[]{}~!#";

	private ShellSafety() {
	}

	/** Index of the first character a shell would interpret, or -1. */
	public static int firstMetacharacter(String value, boolean syntaxAllowed) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean syntax = c == '(' || c == ')' || c == '*';
			if (syntax ? !syntaxAllowed
					: METACHARACTERS.indexOf(c) >= 0 || Character.isISOControl(c) && c != '\t' || c > 0x7e) {
				return i;
			}
		}
		return -1;
	}

	/** True if {@code word} is one shell word that no shell would change: a name, a number or a path. */
	public static boolean isPlainWord(String word) {
		return !word.isEmpty() && word.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
				|| c >= '0' && c <= '9' || "._-/=,:+".indexOf(c) >= 0);
	}
}
