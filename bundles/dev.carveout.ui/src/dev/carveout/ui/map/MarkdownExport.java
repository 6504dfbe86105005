package dev.carveout.ui.map;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** The table as a GitHub-flavoured Markdown table, for a BSP's README or a review comment. */
public final class MarkdownExport {

	private MarkdownExport() {
	}

	public static String write(Path board, List<MapEntry> entries) {
		StringBuilder out = new StringBuilder();
		out.append("# Memory map of ").append(board.getFileName()).append("\n\n");
		out.append(row(MapColumn.all().stream().map(MapColumn::header).toList()));
		out.append(row(Collections.nCopies(MapColumn.all().size(), "---")));
		for (MapEntry entry : entries) {
			out.append(row(MapColumn.all().stream().map(c -> c.text(entry)).toList()));
		}
		return out.toString();
	}

	private static String row(List<String> cells) {
		return cells.stream().map(MarkdownExport::escape).collect(Collectors.joining(" | ", "| ", " |\n"));
	}

	/** A pipe would end the cell; a newline the row. */
	private static String escape(String cell) {
		return cell.replace("|", "\\|").replace("\n", " ");
	}
}
