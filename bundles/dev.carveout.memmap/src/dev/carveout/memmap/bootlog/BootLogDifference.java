package dev.carveout.memmap.bootlog;

import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.Region;

/**
 * One way the booted kernel disagrees with the source, for views that draw both: what the source declares
 * ({@code declared}, null for an extra region or a dynamic one) and what the kernel reserved ({@code booted},
 * null for a missing one).
 *
 * @param region   the declaring node, null for a region only the boot log has
 * @param property the property the difference is about ("reg", "size", or "" for the flags)
 */
public record BootLogDifference(Kind kind, String name, Region region, AddressRange declared, AddressRange booted,
		String property, String message) {

	public enum Kind {
		/** Declared, but the kernel did not register it. */
		MISSING,
		/** Registered at another base. */
		MOVED,
		/** Registered with another size. */
		RESIZED,
		/** Registered with other no-map/reusable flags. */
		FLAGS,
		/** Registered by the kernel, declared nowhere. */
		EXTRA
	}
}
