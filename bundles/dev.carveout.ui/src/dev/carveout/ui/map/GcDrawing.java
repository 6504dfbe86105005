package dev.carveout.ui.map;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;

import dev.carveout.ui.map.MapLayout.Box;

/** {@link MapDrawing} on an SWT GC, for the canvas. Owns the bold font it creates; dispose after painting. */
final class GcDrawing implements MapDrawing {

	private final GC gc;
	private final Font regular;
	private Font bold;
	private final Map<Integer, Color> colors = new HashMap<>();

	GcDrawing(GC gc) {
		this.gc = gc;
		this.regular = gc.getFont();
		gc.setAntialias(SWT.ON);
		gc.setTextAntialias(SWT.ON);
	}

	/** What the layout needs to know of this GC's font to decide which labels fit. */
	static TextMeasure measure(GC gc) {
		return new TextMeasure() {
			@Override
			public int width(String text) {
				return gc.textExtent(text).x;
			}

			@Override
			public int lineHeight() {
				return gc.getFontMetrics().getHeight() + 2;
			}
		};
	}

	@Override
	public void fill(Box box, int rgb) {
		gc.setBackground(color(rgb));
		gc.fillRectangle(box.x(), box.y(), box.width(), box.height());
	}

	@Override
	public void outline(Box box, int rgb, int lineWidth, boolean dashed) {
		gc.setForeground(color(rgb));
		gc.setLineWidth(lineWidth);
		gc.setLineStyle(dashed ? SWT.LINE_DASH : SWT.LINE_SOLID);
		int inset = lineWidth / 2;
		gc.drawRectangle(box.x() + inset, box.y() + inset, box.width() - 1 - 2 * inset, box.height() - 1 - 2 * inset);
		gc.setLineStyle(SWT.LINE_SOLID);
		gc.setLineWidth(1);
	}

	@Override
	public void line(int x1, int y1, int x2, int y2, int rgb, int lineWidth) {
		gc.setForeground(color(rgb));
		gc.setLineWidth(lineWidth);
		gc.drawLine(x1, y1, x2, y2);
		gc.setLineWidth(1);
	}

	@Override
	public void polyline(int[] points, int rgb, int lineWidth) {
		gc.setForeground(color(rgb));
		gc.setLineWidth(lineWidth);
		gc.drawPolyline(points);
		gc.setLineWidth(1);
	}

	@Override
	public void hatch(Box box, int rgb) {
		Rectangle clipping = gc.getClipping();
		gc.setClipping(box.x(), box.y(), box.width(), box.height());
		gc.setForeground(color(rgb));
		gc.setLineWidth(2);
		for (int offset = -box.height(); offset < box.width(); offset += 8) {
			gc.drawLine(box.x() + offset, box.bottom(), box.x() + offset + box.height(), box.y());
		}
		gc.setLineWidth(1);
		gc.setClipping(clipping);
	}

	@Override
	public void text(String text, int x, int y, int rgb, boolean boldText, boolean alignRight) {
		gc.setFont(boldText ? boldFont() : regular);
		gc.setForeground(color(rgb));
		int left = alignRight ? x - gc.textExtent(text).x : x;
		gc.drawText(text, left, y + 1, true);
		gc.setFont(regular);
	}

	private Font boldFont() {
		if (bold == null) {
			FontData[] data = regular.getFontData();
			for (FontData d : data) {
				d.setStyle(SWT.BOLD);
			}
			bold = new Font(gc.getDevice(), data);
		}
		return bold;
	}

	private Color color(int rgb) {
		return colors.computeIfAbsent(rgb, c -> new Color((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF));
	}

	void dispose() {
		if (bold != null) {
			bold.dispose();
		}
	}
}
