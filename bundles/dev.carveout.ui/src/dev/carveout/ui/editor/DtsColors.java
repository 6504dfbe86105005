package dev.carveout.ui.editor;

import org.eclipse.jface.text.TextAttribute;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;

/** The text attributes of each kind of DTS token (device-independent colours need no disposing). */
final class DtsColors {

	static final TextAttribute COMMENT = new TextAttribute(new Color(63, 127, 95));
	static final TextAttribute STRING = new TextAttribute(new Color(42, 0, 255));
	static final TextAttribute NUMBER = new TextAttribute(new Color(125, 70, 0));
	static final TextAttribute DIRECTIVE = new TextAttribute(new Color(127, 0, 85), null, SWT.BOLD);
	static final TextAttribute PREPROCESSOR = new TextAttribute(new Color(100, 100, 100), null, SWT.BOLD);
	static final TextAttribute LABEL = new TextAttribute(new Color(160, 60, 0), null, SWT.BOLD);
	static final TextAttribute REFERENCE = new TextAttribute(new Color(0, 110, 150));
	static final TextAttribute NODE_NAME = new TextAttribute(new Color(0, 0, 160), null, SWT.BOLD);

	private DtsColors() {
	}
}
