package dev.carveout.dts.fix;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** One quick fix: a label for the user and the edits that make it, applied together as one undoable change. */
public record Fix(String label, String ruleId, List<TextEdit> edits) {

	public Set<Path> files() {
		return edits.stream().map(TextEdit::file).collect(Collectors.toSet());
	}

	public List<TextEdit> editsOf(Path file) {
		return edits.stream().filter(e -> e.file().equals(file)).toList();
	}
}
