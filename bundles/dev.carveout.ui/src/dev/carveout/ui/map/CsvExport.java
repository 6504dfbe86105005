package dev.carveout.ui.map;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The table as CSV (RFC 4180: comma separated, CRLF, quotes doubled), with exact byte values next to the
 * readable ones so a spreadsheet can compute with them.
 */
public final class CsvExport {

	private CsvExport() {
	}

	public static String write(List<MapEntry> entries) {
		StringBuilder out = new StringBuilder();
		out.append(MapColumn.all().stream().map(c -> quote(c.header())).collect(Collectors.joining(",")))
				.append(",Size (bytes),Path\r\n");
		for (MapEntry entry : entries) {
			out.append(MapColumn.all().stream().map(c -> quote(c.text(entry))).collect(Collectors.joining(",")))
					.append(',').append(entry.size() == null ? "" : Long.toUnsignedString(entry.size()))
					.append(',').append(quote(entry.path())).append("\r\n");
		}
		return out.toString();
	}

	static String quote(String value) {
		if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
			return '"' + value.replace("\"", "\"\"") + '"';
		}
		return value;
	}
}
