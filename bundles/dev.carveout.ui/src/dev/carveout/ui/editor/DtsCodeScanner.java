package dev.carveout.ui.editor;

import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WhitespaceRule;

/** Colours the code partition of a DTS document (comments and strings have their own partitions). */
final class DtsCodeScanner extends RuleBasedScanner {

	DtsCodeScanner() {
		// Property names, macros and punctuation keep the editor's text colour.
		Token plain = new Token(new TextAttribute(null));
		setDefaultReturnToken(plain);
		setRules(new IRule[] {
				new WhitespaceRule(Character::isWhitespace),
				new PreprocessorLineRule(new Token(DtsColors.PREPROCESSOR)),
				new DirectiveRule(new Token(DtsColors.DIRECTIVE)),
				new ReferenceRule(new Token(DtsColors.REFERENCE)),
				new NameRule(new Token(DtsColors.LABEL), new Token(DtsColors.NODE_NAME), new Token(DtsColors.NUMBER),
						plain) });
	}
}
