package dev.carveout.ui.map;

import java.util.Locale;

import dev.carveout.ui.map.MapLayout.Box;

/** The map as a standalone SVG, drawn by {@link MapRenderer} from the layout the view shows. */
public final class SvgExport implements MapDrawing {

	/** Pixel size of the SVG's text; layouts meant for SVG use {@code TextMeasure.approximate(FONT_PX)}. */
	public static final int FONT_PX = 12;

	private final StringBuilder body = new StringBuilder();
	private final int lineHeight;

	private SvgExport(int lineHeight) {
		this.lineHeight = lineHeight;
	}

	/** @param selected the entry to outline as selected, or null */
	public static String write(MapLayout layout, MapEntry selected) {
		SvgExport svg = new SvgExport(layout.lineHeight());
		MapRenderer.render(layout, svg, selected);
		return String.format(Locale.ROOT, """
				<?xml version="1.0" encoding="UTF-8"?>
				<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" \
				font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="%d">
				<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" \
				patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="%s" stroke-width="2"/>\
				</pattern></defs>
				%s</svg>
				""", layout.width(), layout.height(), layout.width(), layout.height(), FONT_PX,
				color(Swatch.OVERLAP.border()), svg.body);
	}

	@Override
	public void fill(Box box, int rgb) {
		body.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>\n",
				box.x(), box.y(), box.width(), box.height(), color(rgb)));
	}

	@Override
	public void outline(Box box, int rgb, int lineWidth, boolean dashed) {
		body.append(String.format(Locale.ROOT,
				"<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"%s\" stroke-width=\"%d\"%s/>\n",
				box.x() + 0.5, box.y() + 0.5, box.width() - 1, box.height() - 1, color(rgb), lineWidth,
				dashed ? " stroke-dasharray=\"4 3\"" : ""));
	}

	@Override
	public void line(int x1, int y1, int x2, int y2, int rgb, int lineWidth) {
		body.append(String.format(Locale.ROOT,
				"<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%d\"/>\n", x1, y1 + 0.5,
				x2, y2 + 0.5, color(rgb), lineWidth));
	}

	@Override
	public void polyline(int[] points, int rgb, int lineWidth) {
		StringBuilder coordinates = new StringBuilder();
		for (int i = 0; i + 1 < points.length; i += 2) {
			coordinates.append(i == 0 ? "" : " ").append(points[i]).append(',').append(points[i + 1]);
		}
		body.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%d\"/>\n",
				coordinates, color(rgb), lineWidth));
	}

	/** The stripes come from the one pattern in the header, in the overlap colour. */
	@Override
	public void hatch(Box box, int rgb) {
		body.append(String.format(Locale.ROOT,
				"<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"url(#hatch)\" fill-opacity=\"0.8\"/>\n",
				box.x(), box.y(), box.width(), box.height()));
	}

	@Override
	public void text(String text, int x, int y, int rgb, boolean bold, boolean alignRight) {
		// SVG places text by its baseline; the layout by the top of the line.
		int baseline = y + lineHeight - 4;
		body.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\"%s%s>%s</text>\n", x, baseline,
				color(rgb), bold ? " font-weight=\"bold\"" : "", alignRight ? " text-anchor=\"end\"" : "", escape(text)));
	}

	private static String color(int rgb) {
		return String.format(Locale.ROOT, "#%06x", rgb & 0xFFFFFF);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
