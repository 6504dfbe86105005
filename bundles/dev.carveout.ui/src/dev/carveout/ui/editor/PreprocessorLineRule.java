package dev.carveout.ui.editor;

import java.util.Set;

import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.Token;

/**
 * A cpp directive line such as {@code #include "soc.dtsi"}, with backslash continuations. Words like
 * {@code #address-cells} also start with '#', but they are property names, so the keyword decides.
 */
final class PreprocessorLineRule implements IRule {

	private static final Set<String> KEYWORDS = Set.of("include", "define", "undef", "ifdef", "ifndef", "if", "elif",
			"else", "endif", "error", "warning", "pragma", "line");

	private final IToken token;

	PreprocessorLineRule(IToken token) {
		this.token = token;
	}

	@Override
	public IToken evaluate(ICharacterScanner scanner) {
		if (scanner.read() != '#') {
			scanner.unread();
			return Token.UNDEFINED;
		}
		int read = 1 + ScannerChars.readWhile(scanner, c -> c == ' ' || c == '\t');
		StringBuilder word = new StringBuilder();
		int c = scanner.read();
		while (c >= 'a' && c <= 'z') {
			word.append((char) c);
			c = scanner.read();
		}
		scanner.unread();
		read += word.length();
		if (!KEYWORDS.contains(word.toString()) || ScannerChars.isNamePart(c)) {
			ScannerChars.unread(scanner, read);
			return Token.UNDEFINED;
		}
		readToEndOfLogicalLine(scanner);
		return token;
	}

	private static void readToEndOfLogicalLine(ICharacterScanner scanner) {
		int previous = 0;
		int c = scanner.read();
		while (c != ICharacterScanner.EOF) {
			if ((c == '\n' || c == '\r') && previous != '\\') {
				break;
			}
			previous = c;
			c = scanner.read();
		}
		scanner.unread();
	}
}
