package dev.carveout.ui.map;

import dev.carveout.ui.map.MapLayout.Box;

/**
 * The few drawing operations the map needs, so one {@link MapRenderer} draws it on a GC and into SVG alike.
 * Colours are 0xRRGGBB; text positions are the top-left of the line.
 */
public interface MapDrawing {

	void fill(Box box, int rgb);

	void outline(Box box, int rgb, int lineWidth, boolean dashed);

	void line(int x1, int y1, int x2, int y2, int rgb, int lineWidth);

	/** Points as x0, y0, x1, y1, … */
	void polyline(int[] points, int rgb, int lineWidth);

	/** Diagonal stripes inside the box: the mark of memory claimed twice. */
	void hatch(Box box, int rgb);

	/** @param alignRight when set, x is where the text ends */
	void text(String text, int x, int y, int rgb, boolean bold, boolean alignRight);
}
