package dev.carveout.dts.tree;

/** The node and property names with which dtc writes an overlay and libfdt applies one. */
public final class OverlayNames {

	public static final String SYMBOLS = "__symbols__";
	public static final String FIXUPS = "__fixups__";
	public static final String LOCAL_FIXUPS = "__local_fixups__";
	public static final String OVERLAY = "__overlay__";
	public static final String FRAGMENT = "fragment@";
	public static final String TARGET = "target";
	public static final String TARGET_PATH = "target-path";

	private OverlayNames() {
	}
}
