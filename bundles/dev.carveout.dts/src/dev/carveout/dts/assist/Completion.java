package dev.carveout.dts.assist;

/**
 * One proposal: what the list shows, what replaces [start, start + length) of the text (the part of the word
 * already typed), what kind of thing it is and a short note on it.
 */
public record Completion(String label, String insert, Kind kind, String detail, int start, int length) {

	public enum Kind {
		PROPERTY, VALUE, LABEL, FILE, FOLDER
	}
}
