package dev.carveout.ui.editor;

import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.Token;

/** dtc's slash-delimited keywords: {@code /dts-v1/}, {@code /delete-node/}, {@code /memreserve/}... */
final class DirectiveRule implements IRule {

	private final IToken token;

	DirectiveRule(IToken token) {
		this.token = token;
	}

	@Override
	public IToken evaluate(ICharacterScanner scanner) {
		if (scanner.read() != '/') {
			scanner.unread();
			return Token.UNDEFINED;
		}
		int word = ScannerChars.readWhile(scanner, c -> (c >= 'a' && c <= 'z') || c == '-' || ScannerChars.isDigit(c));
		if (word == 0) {
			scanner.unread();
			return Token.UNDEFINED;
		}
		if (scanner.read() == '/') {
			return token;
		}
		// Not a directive (a division): give back everything, the read after the word included.
		ScannerChars.unread(scanner, word + 2);
		return Token.UNDEFINED;
	}
}
