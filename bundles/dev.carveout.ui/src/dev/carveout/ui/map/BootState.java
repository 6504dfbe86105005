package dev.carveout.ui.map;

import java.util.List;

import dev.carveout.memmap.AddressRange;

/**
 * How the kernel's boot log agrees with one entry: the differences found (as the table writes them), where
 * the kernel actually reserved it when that is elsewhere, and whether it is missing from the log.
 *
 * @param booted the range the kernel reserved, when it differs from the declared one; null otherwise
 */
public record BootState(List<String> differences, AddressRange booted, boolean missing, boolean extra) {

	/** No boot log laid over the map, or one that agrees with this entry. */
	public static final BootState NONE = new BootState(List.of(), null, false, false);

	public boolean differs() {
		return !differences.isEmpty();
	}
}
