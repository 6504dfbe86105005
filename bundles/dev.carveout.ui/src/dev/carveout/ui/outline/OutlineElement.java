package dev.carveout.ui.outline;

import java.util.List;

/** One node or property in the outline: its text, where it is in the editor, and what it contains. */
public record OutlineElement(String label, Kind kind, int offset, int length, List<OutlineElement> children) {

	public enum Kind {
		NODE, PROPERTY
	}

	public OutlineElement {
		children = List.copyOf(children);
	}
}
