package dev.carveout.ui.editor;

import org.eclipse.jface.text.rules.ICharacterScanner;

/** Character classes of dtc's lexer, and reading helpers the DTS token rules share. */
final class ScannerChars {

	private ScannerChars() {
	}

	static boolean isIdentifierStart(int c) {
		return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	static boolean isIdentifierPart(int c) {
		return isIdentifierStart(c) || (c >= '0' && c <= '9');
	}

	/** Characters dtc allows in node and property names (PROPNODECHAR), plus '@' for unit addresses. */
	static boolean isNamePart(int c) {
		return isIdentifierPart(c) || c == ',' || c == '.' || c == '+' || c == '-' || c == '*' || c == '#'
				|| c == '?' || c == '@';
	}

	static boolean isDigit(int c) {
		return c >= '0' && c <= '9';
	}

	/** Reads characters while they match; returns how many were read (the first non-matching one is unread). */
	static int readWhile(ICharacterScanner scanner, java.util.function.IntPredicate matches) {
		int count = 0;
		int c = scanner.read();
		while (c != ICharacterScanner.EOF && matches.test(c)) {
			count++;
			c = scanner.read();
		}
		scanner.unread();
		return count;
	}

	static void unread(ICharacterScanner scanner, int count) {
		for (int i = 0; i < count; i++) {
			scanner.unread();
		}
	}
}
