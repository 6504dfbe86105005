package dev.carveout.ui.map;

/** Addresses and sizes written the way BSP engineers read them: 0x8b700000, 5 MiB, 30720 KiB. */
public final class Sizes {

	private static final long KIB = 1024;
	private static final long MIB = KIB * 1024;
	private static final long GIB = MIB * 1024;

	private Sizes() {
	}

	/** At least eight hex digits, so 32-bit addresses line up in the table and on the axis. */
	public static String hex(long address) {
		String digits = Long.toHexString(address);
		return "0x" + "0".repeat(Math.max(0, 8 - digits.length())) + digits;
	}

	/** In the largest unit that keeps it exact to one decimal, as the kernel's KiB would be unreadable. */
	public static String size(long bytes) {
		if (bytes < 0) {
			return Long.toUnsignedString(bytes) + " B";
		}
		if (bytes >= GIB && exactToATenth(bytes, GIB)) {
			return unit(bytes, GIB, "GiB");
		}
		if (bytes >= MIB && exactToATenth(bytes, MIB) || bytes >= 100 * MIB) {
			return unit(bytes, MIB, "MiB");
		}
		if (bytes >= KIB) {
			return unit(bytes, KIB, "KiB");
		}
		return bytes + " B";
	}

	private static boolean exactToATenth(long bytes, long unit) {
		return bytes % unit * 10 % unit == 0;
	}

	private static String unit(long bytes, long unit, String name) {
		if (bytes % unit == 0) {
			return bytes / unit + " " + name;
		}
		return String.format(java.util.Locale.ROOT, "%.1f %s", (double) bytes / unit, name);
	}
}
