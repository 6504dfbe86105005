package dev.carveout.ui.map;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.carveout.memmap.Region;
import dev.carveout.memmap.SourceRef;

/**
 * What the overlays of a composite board did to one region: added its node, or set some of its properties
 * (reg moved, status = "okay", a flag). Read from where each value was last defined, which survives the
 * application of an overlay, so no second check of the base alone is needed.
 *
 * @param overlay    file name of the overlay that added or last changed the region; "" when none did
 * @param added      the node itself comes from the overlay (it is not in the base)
 * @param properties the properties the overlays set, sorted by name; empty when added
 */
public record OverlayChange(String overlay, boolean added, List<String> properties) {

	/** A region of the base that no overlay touched (or a plain board's region). */
	public static final OverlayChange NONE = new OverlayChange("", false, List.of());

	public boolean changed() {
		return !overlay.isEmpty();
	}

	/** What the table and the tooltip say: "added by camera.dtso", "changed by camera.dtso: reg, status". */
	public String text() {
		if (!changed()) {
			return "";
		}
		return added ? "added by " + overlay : "changed by " + overlay + ": " + String.join(", ", properties);
	}

	/** The change the overlay parts of a composite (every part after the base) made to {@code region}. */
	public static OverlayChange of(Region region, List<Path> parts) {
		if (parts.size() < 2) {
			return NONE;
		}
		List<Path> overlays = parts.subList(1, parts.size());
		SourceRef node = region.provenance().get("");
		if (node != null && isIn(node, overlays)) {
			return new OverlayChange(node.file().getFileName().toString(), true, List.of());
		}
		String overlay = "";
		List<String> properties = new ArrayList<>();
		for (Map.Entry<String, SourceRef> value : region.provenance().entrySet()) {
			if (!value.getKey().isEmpty() && isIn(value.getValue(), overlays)) {
				properties.add(value.getKey());
				overlay = value.getValue().file().getFileName().toString();
			}
		}
		properties.sort(null);
		return properties.isEmpty() ? NONE : new OverlayChange(overlay, false, List.copyOf(properties));
	}

	private static boolean isIn(SourceRef ref, List<Path> overlays) {
		return ref.isKnown() && ref.file() != null && overlays.contains(ref.file().toAbsolutePath().normalize());
	}
}
