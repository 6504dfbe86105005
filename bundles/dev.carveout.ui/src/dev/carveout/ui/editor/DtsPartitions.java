package dev.carveout.ui.editor;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentPartitioner;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.FastPartitioner;
import org.eclipse.jface.text.rules.IPredicateRule;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.RuleBasedPartitionScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;

/**
 * Splits a DTS document into comments, strings and code. Block comments span lines, which a line-based
 * damager alone would colour wrongly after an edit; partitions keep them whole.
 */
public final class DtsPartitions {

	public static final String PARTITIONING = "__carveout_dts_partitioning";
	public static final String COMMENT = "__carveout_dts_comment";
	public static final String STRING = "__carveout_dts_string";
	public static final String[] CONTENT_TYPES = { IDocument.DEFAULT_CONTENT_TYPE, COMMENT, STRING };

	private DtsPartitions() {
	}

	public static IDocumentPartitioner createPartitioner() {
		Token comment = new Token(COMMENT);
		Token string = new Token(STRING);
		RuleBasedPartitionScanner scanner = new RuleBasedPartitionScanner();
		scanner.setPredicateRules(new IPredicateRule[] {
				new EndOfLineRule("//", comment),
				new MultiLineRule("/*", "*/", comment, (char) 0, true),
				new SingleLineRule("\"", "\"", string, '\\') });
		return new FastPartitioner(scanner, new String[] { COMMENT, STRING });
	}
}
