package dev.carveout.ui.editor;

import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.Token;

/**
 * A word: a label when a ':' follows it ({@code cdsp_mem:}), a node name when a '{' follows it on the same
 * line ({@code cdsp-secure-heap@81800000 {}), otherwise a property name or macro in plain text. Numbers
 * (words starting with a digit) are matched here too because they share the lexer's word characters.
 */
final class NameRule implements IRule {

	private final IToken label;
	private final IToken nodeName;
	private final IToken number;
	private final IToken plain;

	NameRule(IToken label, IToken nodeName, IToken number, IToken plain) {
		this.label = label;
		this.nodeName = nodeName;
		this.number = number;
		this.plain = plain;
	}

	@Override
	public IToken evaluate(ICharacterScanner scanner) {
		int first = scanner.read();
		if (first == ICharacterScanner.EOF || !ScannerChars.isNamePart(first)) {
			scanner.unread();
			return Token.UNDEFINED;
		}
		if (ScannerChars.isDigit(first)) {
			ScannerChars.readWhile(scanner, ScannerChars::isIdentifierPart);
			return number;
		}
		ScannerChars.readWhile(scanner, ScannerChars::isNamePart);
		int next = scanner.read();
		if (next == ':' && ScannerChars.isIdentifierStart(first)) {
			return label;
		}
		scanner.unread();
		return followedByOpeningBrace(scanner) ? nodeName : plain;
	}

	private static boolean followedByOpeningBrace(ICharacterScanner scanner) {
		int blanks = ScannerChars.readWhile(scanner, c -> c == ' ' || c == '\t');
		int c = scanner.read();
		scanner.unread();
		ScannerChars.unread(scanner, blanks);
		return c == '{';
	}
}
