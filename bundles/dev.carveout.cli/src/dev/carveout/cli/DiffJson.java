package dev.carveout.cli;

import java.util.List;
import java.util.Locale;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.carveout.memmap.Finding;
import dev.carveout.memmap.SourceRef;
import dev.carveout.memmap.compare.MapDifference;

/**
 * {@code carveout diff --format json}: one JSON object per board (JSON Lines): its name, its files, "changed", "added" or
 * "removed", both sides' labels, the memory-map differences with both values and places (null where a side has
 * none), and the findings that appeared and went away.
 */
final class DiffJson {

	private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

	private DiffJson() {
	}

	static String line(BoardDiff board) {
		JsonObject o = new JsonObject();
		o.addProperty("board", board.name());
		JsonArray parts = new JsonArray();
		board.parts().forEach(parts::add);
		o.add("parts", parts);
		o.addProperty("change", board.change().name().toLowerCase(Locale.ROOT));
		o.addProperty("base", board.baseLabel());
		o.addProperty("head", board.headLabel());
		if (board.differences() == null) {
			o.add("differences", null);
		} else {
			JsonArray differences = new JsonArray();
			board.differences().forEach(d -> differences.add(difference(d)));
			o.add("differences", differences);
		}
		o.add("new_findings", findings(board.appeared()));
		o.add("gone_findings", findings(board.gone()));
		return GSON.toJson(o);
	}

	private static JsonObject difference(MapDifference d) {
		JsonObject o = new JsonObject();
		o.addProperty("kind", d.kind().name().toLowerCase(Locale.ROOT));
		o.addProperty("base_path", d.leftPath());
		o.addProperty("head_path", d.rightPath());
		o.addProperty("base_value", d.leftValue());
		o.addProperty("head_value", d.rightValue());
		o.add("base_at", place(d.leftAt()));
		o.add("head_at", place(d.rightAt()));
		return o;
	}

	private static JsonArray findings(List<Finding> findings) {
		JsonArray array = new JsonArray();
		for (Finding f : findings) {
			JsonObject o = new JsonObject();
			o.addProperty("rule", f.ruleId());
			o.addProperty("severity", f.severity().name().toLowerCase(Locale.ROOT));
			o.addProperty("node", f.nodePath());
			o.addProperty("message", f.message());
			o.add("at", place(f.at()));
			array.add(o);
		}
		return array;
	}

	private static JsonObject place(SourceRef at) {
		if (at.file() == null) {
			return null;
		}
		JsonObject o = new JsonObject();
		o.addProperty("file", at.file().toString());
		o.addProperty("line", at.line());
		o.addProperty("column", at.column());
		return o;
	}
}
