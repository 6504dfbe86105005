package dev.carveout.studio;

/** Ids this bundle declares in plugin.xml, for code and tests that must refer to them. */
public final class Studio {

	public static final String PLUGIN_ID = "dev.carveout.studio.branding";
	public static final String PRODUCT_ID = PLUGIN_ID + ".product";

	private Studio() {
	}
}
