package dev.carveout.ui.editor;

import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.Token;

/** A reference to a labelled node, {@code &label}, or to a path, {@code &{/soc/serial@1000}}. */
final class ReferenceRule implements IRule {

	private final IToken token;

	ReferenceRule(IToken token) {
		this.token = token;
	}

	@Override
	public IToken evaluate(ICharacterScanner scanner) {
		if (scanner.read() != '&') {
			scanner.unread();
			return Token.UNDEFINED;
		}
		int c = scanner.read();
		if (c == '{') {
			ScannerChars.readWhile(scanner, ch -> ch != '}' && ch != '\n' && ch != '\r');
			if (scanner.read() != '}') {
				scanner.unread();
			}
			return token;
		}
		if (ScannerChars.isIdentifierStart(c)) {
			ScannerChars.readWhile(scanner, ScannerChars::isIdentifierPart);
			return token;
		}
		// '&' as the bitwise operator inside an expression.
		scanner.unread();
		scanner.unread();
		return Token.UNDEFINED;
	}
}
