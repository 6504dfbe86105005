package dev.carveout.cli;

import java.util.List;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import dev.carveout.dts.check.CheckResult;
import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.MemReserve;
import dev.carveout.memmap.MemoryBank;
import dev.carveout.memmap.MemoryMap;
import dev.carveout.memmap.Region;

/**
 * One board's model and findings as a JSON object, with the field names and value formats of the corpus
 * truth files (addresses as lower-case hex strings without padding, so 64-bit values stay exact).
 */
final class JsonReport {

	private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

	private JsonReport() {
	}

	/**
	 * A composite's "file" is its kbuild target and its "parts" the sources in order.
	 * @param comparison the differences --compare-dtb found, or null when there was no comparison
	 */
	static String line(BoardArgument argument, CheckResult result, JsonArray comparison) {
		JsonObject board = new JsonObject();
		board.addProperty("file", argument.isComposite() ? argument.file().toString() : result.board().toString());
		if (argument.isComposite()) {
			JsonArray parts = new JsonArray();
			result.parts().forEach(part -> parts.add(part.toString()));
			board.add("parts", parts);
		}
		MemoryMap map = result.memoryMap();
		if (map != null) {
			JsonObject root = new JsonObject();
			root.addProperty("#address-cells", map.rootAddressCells());
			root.addProperty("#size-cells", map.rootSizeCells());
			board.add("root", root);
			board.add("memreserve", memreserve(map.memreserve()));
			board.add("memory", memory(map.memory()));
			board.add("reserved_memory", reservedMemory(map.reservedMemory()));
		}
		board.add("diagnostics", diagnostics(result.findings()));
		if (comparison != null) {
			board.add("comparison", comparison);
		}
		return GSON.toJson(board);
	}

	private static JsonArray memreserve(List<MemReserve> entries) {
		JsonArray array = new JsonArray();
		for (MemReserve entry : entries) {
			JsonObject o = new JsonObject();
			o.addProperty("base", AddressRange.hex(entry.range().base()));
			o.addProperty("size", AddressRange.hex(entry.range().size()));
			array.add(o);
		}
		return array;
	}

	private static JsonArray memory(List<MemoryBank> banks) {
		JsonArray array = new JsonArray();
		for (MemoryBank bank : banks) {
			JsonObject o = new JsonObject();
			o.addProperty("path", bank.path());
			o.add("reg", ranges(bank.reg(), true));
			o.addProperty("placeholder", bank.isPlaceholder());
			array.add(o);
		}
		return array;
	}

	private static com.google.gson.JsonElement reservedMemory(MemoryMap.ReservedMemory node) {
		if (node == null) {
			return JsonNull.INSTANCE;
		}
		JsonObject o = new JsonObject();
		o.addProperty("path", node.path());
		o.addProperty("#address-cells", node.addressCells());
		o.addProperty("#size-cells", node.sizeCells());
		o.addProperty("ranges", !node.hasRanges() ? "absent" : node.emptyRanges() ? "empty" : "non-empty");
		JsonArray regions = new JsonArray();
		for (Region region : node.regions()) {
			regions.add(region(region));
		}
		o.add("regions", regions);
		return o;
	}

	private static JsonObject region(Region r) {
		JsonObject o = new JsonObject();
		o.addProperty("path", r.path());
		o.addProperty("name", r.name());
		o.addProperty("unit_address", r.unitAddress());
		o.add("labels", strings(r.labels()));
		o.addProperty("status", r.status());
		o.addProperty("available", r.available());
		o.add("compatible", strings(r.compatible()));
		o.addProperty("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT));
		o.add("reg", r.reg() == null ? JsonNull.INSTANCE : ranges(r.reg(), true));
		o.addProperty("size", r.size() == null ? null : AddressRange.hex(r.size()));
		o.addProperty("alignment", r.alignment() == null ? null : AddressRange.hex(r.alignment()));
		o.add("alloc_ranges", r.allocRanges() == null ? JsonNull.INSTANCE : ranges(r.allocRanges(), false));
		o.addProperty("no_map", r.noMap());
		o.addProperty("reusable", r.reusable());
		o.addProperty("linux_cma_default", r.linuxCmaDefault());
		o.addProperty("linux_dma_default", r.linuxDmaDefault());
		o.addProperty("is_cma", r.isCma());
		return o;
	}

	private static JsonArray ranges(List<AddressRange> ranges, boolean withEnd) {
		JsonArray array = new JsonArray();
		for (AddressRange range : ranges) {
			JsonObject o = new JsonObject();
			o.addProperty("base", AddressRange.hex(range.base()));
			o.addProperty("size", AddressRange.hex(range.size()));
			if (withEnd) {
				// saturated at 2^64 - 1 when base + size wraps (an input error of its own), never a small number
				o.addProperty("end", AddressRange.hex(range.end()));
			}
			array.add(o);
		}
		return array;
	}

	private static JsonArray strings(List<String> values) {
		JsonArray array = new JsonArray();
		values.forEach(array::add);
		return array;
	}

	private static JsonArray diagnostics(List<Finding> findings) {
		JsonArray array = new JsonArray();
		for (Finding f : findings) {
			JsonObject o = new JsonObject();
			o.addProperty("rule", f.ruleId());
			o.addProperty("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
			o.addProperty("message", f.message());
			o.addProperty("file", f.at().file() == null ? null : f.at().file().toString());
			o.addProperty("line", f.at().line());
			o.addProperty("column", f.at().column());
			o.addProperty("node_path", f.nodePath());
			array.add(o);
		}
		return array;
	}
}
