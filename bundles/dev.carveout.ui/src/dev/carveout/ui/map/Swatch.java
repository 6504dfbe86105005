package dev.carveout.ui.map;

/**
 * The colours of the map, shared by the canvas and the SVG export so both read the same. Fills are light
 * enough for dark labels; red is kept for overlaps alone, since an overlap is the one thing that must stand out.
 */
public enum Swatch {
	NO_MAP("no-map carve-out", 0x8DB4E2, 0x3A6EA5),
	CMA("CMA pool (reusable)", 0x9FD5A0, 0x3C8D40),
	RESERVED("reserved, mapped", 0xF3D08A, 0xB7862A),
	MEMRESERVE("/memreserve/", 0xC9B1E4, 0x7A55A8),
	RAM("RAM (/memory)", 0xEEF1E6, 0xB5BBA5),
	DISABLED("status = \"disabled\"", 0xE2E2E2, 0x9A9A9A),
	OVERLAP("overlap", 0xFFFFFF, 0xD62728),
	DYNAMIC("placed at boot (size only)", 0xFFFFFF, 0x666666),
	/** Where a boot log says the kernel reserved something the sources put elsewhere, or not at all. */
	BOOTED("as booted (boot log)", 0xFFE8D6, 0xE4572E),
	/** The edge of a region an overlay of a composite board added or changed; the fill stays the region's kind. */
	OVERLAY("added or changed by an overlay", 0xFFFFFF, 0x0B8A8A);

	private final String label;
	private final int fill;
	private final int border;

	Swatch(String label, int fill, int border) {
		this.label = label;
		this.fill = fill;
		this.border = border;
	}

	public String label() {
		return label;
	}

	/** 0xRRGGBB */
	public int fill() {
		return fill;
	}

	/** 0xRRGGBB */
	public int border() {
		return border;
	}

	public static Swatch of(MapEntry entry) {
		if (!entry.available()) {
			return DISABLED;
		}
		return switch (entry.kind()) {
		case NO_MAP -> NO_MAP;
		case CMA -> CMA;
		case RESERVED -> RESERVED;
		case MEMRESERVE -> MEMRESERVE;
		case BOOT_ONLY -> BOOTED;
		};
	}
}
