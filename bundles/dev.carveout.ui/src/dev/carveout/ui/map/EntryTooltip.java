package dev.carveout.ui.map;

import java.util.ArrayList;
import java.util.List;

import dev.carveout.memmap.AddressRange;

/** What hovering an entry on the map tells: the facts of the table row, plus what it overlaps. */
final class EntryTooltip {

	private EntryTooltip() {
	}

	static String text(MapEntry entry, MapLayout layout) {
		List<String> lines = new ArrayList<>();
		lines.add(entry.name() + (entry.labels().isEmpty() ? "" : "  (" + String.join(", ", entry.labels()) + ")"));
		for (AddressRange range : entry.ranges()) {
			lines.add("base " + Sizes.hex(range.base()) + "   end " + Sizes.hex(range.end() - 1) + "   size "
					+ Sizes.size(range.size()));
		}
		if (entry.dynamic()) {
			lines.add("size " + MapColumn.SIZE.text(entry) + ", placed by the kernel at boot");
			if (entry.predicted() != null) {
				lines.add("predicted (" + MapEntry.PLACEMENT_RULE + "): base " + Sizes.hex(entry.predicted().base()) + "   end "
						+ Sizes.hex(entry.predicted().end() - 1));
			}
		}
		lines.add(MapColumn.KIND.text(entry) + ", flags: " + MapColumn.FLAGS.text(entry)
				+ (entry.available() ? "" : ", status = \"" + entry.status() + "\""));
		if (entry.overlay().changed()) {
			lines.add(entry.overlay().text());
		}
		if (entry.definedAt().isKnown()) {
			lines.add("defined at " + entry.definedAt().file() + ":" + entry.definedAt().line());
		}
		if (layout != null) {
			for (MapLayout.Overlap overlap : layout.overlaps()) {
				MapEntry other = overlap.first().equals(entry) ? overlap.second()
						: overlap.second().equals(entry) ? overlap.first() : null;
				if (other != null) {
					lines.add("OVERLAPS " + other.name() + " at " + overlap.shared());
				}
			}
		}
		if (!entry.problems().isEmpty()) {
			lines.add("problems: " + String.join(" ", entry.problems()));
		}
		return String.join("\n", lines);
	}
}
