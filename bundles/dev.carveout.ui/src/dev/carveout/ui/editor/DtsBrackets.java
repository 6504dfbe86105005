package dev.carveout.ui.editor;

import org.eclipse.jface.text.source.DefaultCharacterPairMatcher;
import org.eclipse.jface.text.source.ICharacterPairMatcher;

/** The bracket pairs of DTS: node bodies, cell lists, byte strings and expressions; brackets in comments and strings do not count. */
public final class DtsBrackets {

	private static final char[] PAIRS = { '{', '}', '<', '>', '[', ']', '(', ')' };

	private DtsBrackets() {
	}

	public static ICharacterPairMatcher matcher() {
		return new DefaultCharacterPairMatcher(PAIRS, DtsPartitions.PARTITIONING, true);
	}
}
