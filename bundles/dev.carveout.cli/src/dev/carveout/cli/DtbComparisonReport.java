package dev.carveout.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.carveout.dts.check.DtbMemoryMap;
import dev.carveout.dts.fdt.FdtFormatException;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.KernelProfile;
import dev.carveout.memmap.MemoryMap;
import dev.carveout.memmap.Severity;
import dev.carveout.memmap.SourceRef;
import dev.carveout.memmap.compare.MapDifference;
import dev.carveout.memmap.compare.MemoryMapComparison;

/**
 * {@code --compare-dtb FILE}: the board's memory map against the one in a DTB, each difference a warning on
 * the source line it concerns, or on the board file when only the DTB has the thing.
 */
final class DtbComparisonReport {

	static final String RULE = "DTB";

	private final Path dtb;
	private final MemoryMap dtbMap;
	private final KernelProfile profile;

	private DtbComparisonReport(Path dtb, MemoryMap dtbMap, KernelProfile profile) {
		this.dtb = dtb;
		this.dtbMap = dtbMap;
		this.profile = profile;
	}

	/** @throws IOException whose message names the file and why it cannot be compared with */
	static DtbComparisonReport read(Path dtb, KernelProfile profile) throws IOException {
		try {
			return new DtbComparisonReport(dtb, DtbMemoryMap.read(dtb), profile);
		} catch (NoSuchFileException e) {
			throw new IOException("DTB not found: " + dtb, e);
		} catch (FdtFormatException e) {
			throw new IOException("not a valid DTB: " + e.getMessage(), e);
		} catch (IOException e) {
			throw new IOException("cannot read DTB " + dtb + ": " + e.getMessage(), e);
		}
	}

	List<MapDifference> differences(MemoryMap source) {
		return MemoryMapComparison.compare(source, dtbMap, profile);
	}

	List<Finding> findings(Path board, List<MapDifference> differences) {
		return differences.stream().map(d -> new Finding(RULE, Severity.WARNING, d.message("the source", dtb.toString()),
				d.leftAt().isKnown() ? d.leftAt() : new SourceRef(board, 0, 0, 0, 0), d.path())).toList();
	}

	/** The JSON report's "comparison" array: each difference with both values and the source place. */
	static JsonArray json(List<MapDifference> differences) {
		JsonArray array = new JsonArray();
		for (MapDifference d : differences) {
			JsonObject o = new JsonObject();
			o.addProperty("kind", d.kind().name().toLowerCase(java.util.Locale.ROOT));
			o.addProperty("source_path", d.leftPath());
			o.addProperty("dtb_path", d.rightPath());
			o.addProperty("source_value", d.leftValue());
			o.addProperty("dtb_value", d.rightValue());
			o.addProperty("file", d.leftAt().isKnown() ? d.leftAt().file().toString() : null);
			o.addProperty("line", d.leftAt().line());
			o.addProperty("column", d.leftAt().column());
			array.add(o);
		}
		return array;
	}
}
