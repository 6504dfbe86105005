package dev.carveout.ui.map;

import java.util.List;

import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.SourceRef;

/**
 * One row of the Memory Map view: a /reserved-memory child or a /memreserve/ entry, with what the table
 * shows and where the editor goes when it is selected.
 *
 * @param path       effective-tree path, or "/memreserve/ N"
 * @param ranges     every reg entry (the kernel registers only the first); empty when placed at boot
 * @param size       the reg size, or the size property of a dynamic region; null when there is neither
 * @param definedAt  the file:line of reg (or of size for a dynamic region), shown in the table
 * @param node       where the node itself starts, where selecting the entry takes the editor
 * @param available  false for status = "disabled": the kernel ignores the region
 * @param problems   ids of the rules that reported this node, sorted
 * @param boot       how a boot log laid over the map agrees with the entry ({@link BootState#NONE} without one)
 * @param predicted  where the kernel will place a dynamic entry at boot, as the engine predicts it
 *                   ({@link dev.carveout.memmap.DynamicPlacement}); null for a fixed entry or one it cannot place
 * @param overlay    what the overlays of a composite board did to the entry ({@link OverlayChange#NONE} on a plain board)
 */
public record MapEntry(String path, String name, List<String> labels, EntryKind kind, List<AddressRange> ranges,
		Long size, List<String> flags, SourceRef definedAt, SourceRef node, String status, boolean available,
		List<String> problems, BootState boot, AddressRange predicted, OverlayChange overlay) {

	/** The rule whose placement the map draws for dynamic entries (R9, dynamic region placement). */
	public static final String PLACEMENT_RULE = "R9";

	/** The same entry as a boot log sees it. */
	public MapEntry withBoot(BootState state) {
		return new MapEntry(path, name, labels, kind, ranges, size, flags, definedAt, node, status, available, problems,
				state, predicted, overlay);
	}

	/** The same entry with the place the kernel is predicted to give it at boot. */
	public MapEntry withPrediction(AddressRange place) {
		return new MapEntry(path, name, labels, kind, ranges, size, flags, definedAt, node, status, available, problems,
				boot, place, overlay);
	}

	/** The same entry as the overlays of its composite board left it. */
	public MapEntry withOverlay(OverlayChange change) {
		return new MapEntry(path, name, labels, kind, ranges, size, flags, definedAt, node, status, available, problems,
				boot, predicted, change);
	}

	/** Where the map draws the entry: its first reg entry, else its predicted place; null when neither is known. */
	public AddressRange drawnRange() {
		return ranges.isEmpty() ? predicted : ranges.get(0);
	}

	/** Placed by the kernel at boot (size, alignment, alloc-ranges), so it has no address in the sources. */
	public boolean dynamic() {
		return ranges.isEmpty();
	}

	/** The first reg entry, the one the kernel registers; null for a dynamic entry. */
	public AddressRange range() {
		return ranges.isEmpty() ? null : ranges.get(0);
	}
}
