package dev.carveout.ui.map;

import java.util.List;
import java.util.function.Function;

import dev.carveout.memmap.SourceRef;

/** A column of the Memory Map table, also the columns of the CSV and Markdown exports so all three agree. */
public enum MapColumn {
	NAME("Name", MapEntry::name),
	LABEL("Label", e -> String.join(" ", e.labels())),
	/** A dynamic entry's predicted place is written with "≈": the kernel decides it at boot. */
	BASE("Base", e -> e.drawnRange() == null ? "" : (e.dynamic() ? "≈" : "") + Sizes.hex(e.drawnRange().base())),
	END("End", e -> e.drawnRange() == null ? "" : (e.dynamic() ? "≈" : "") + Sizes.hex(e.drawnRange().end() - 1)),
	SIZE("Size", e -> e.size() == null ? "" : Sizes.size(e.size())),
	KIND("Kind", e -> e.kind().label() + (e.dynamic() ? ", placed at boot" : "")),
	FLAGS("Flags", e -> e.flags().isEmpty() ? "default" : String.join(" ", e.flags())),
	DEFINED_AT("Defined at", e -> location(e.definedAt())),
	STATUS("Status", MapEntry::status),
	PROBLEMS("Problems", e -> String.join(" ", e.problems())),
	/** Empty until a boot log is laid over the map; then what the kernel did differently. */
	BOOT_LOG("Boot log", e -> String.join("; ", e.boot().differences())),
	/** Empty on a plain board; on a composite, what an overlay added or changed. */
	OVERLAY("Overlay", e -> e.overlay().text());

	private final String header;
	private final Function<MapEntry, String> text;

	MapColumn(String header, Function<MapEntry, String> text) {
		this.header = header;
		this.text = text;
	}

	public String header() {
		return header;
	}

	public String text(MapEntry entry) {
		return text.apply(entry);
	}

	/** file:line with the file name only: the table is narrow, and the tooltip and editor give the rest. */
	public static String location(SourceRef ref) {
		return ref.isKnown() ? ref.file().getFileName() + ":" + ref.line() : "";
	}


	public static List<MapColumn> all() {
		return List.of(values());
	}
}
