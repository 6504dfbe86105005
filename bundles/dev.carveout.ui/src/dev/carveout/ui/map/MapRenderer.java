package dev.carveout.ui.map;

import dev.carveout.ui.map.MapLayout.Block;
import dev.carveout.ui.map.MapLayout.Box;
import dev.carveout.ui.map.MapLayout.Break;
import dev.carveout.ui.map.MapLayout.Tick;

/** Draws a {@link MapLayout}: the canvas and the SVG export both come through here. */
public final class MapRenderer {

	static final int BACKGROUND = 0xFFFFFF;
	static final int INK = 0x1F2933;
	static final int AXIS = 0x555555;
	static final int SELECTION = 0x111111;

	private MapRenderer() {
	}

	/** @param selected the entry to outline as selected, or null */
	public static void render(MapLayout layout, MapDrawing drawing, MapEntry selected) {
		drawing.fill(new Box(0, 0, layout.width(), layout.height()), BACKGROUND);
		drawLegend(layout, drawing);
		layout.captions().forEach(c -> drawing.text(c.text(), c.x(), c.y(), INK, false, false));
		Box map = layout.mapBox();
		drawing.line(layout.axisX() - 1, map.y(), layout.axisX() - 1, map.bottom(), AXIS, 1);
		for (MapLayout.Bank bank : layout.banks()) {
			drawing.fill(bank.box(), Swatch.RAM.fill());
			drawing.outline(bank.box(), Swatch.RAM.border(), 1, false);
		}
		layout.breaks().forEach(b -> drawBreak(layout, drawing, b));
		layout.blocks().forEach(b -> drawBlockShape(drawing, b));
		for (MapLayout.Overlap overlap : layout.overlaps()) {
			drawing.hatch(overlap.box(), Swatch.OVERLAP.border());
			drawing.outline(overlap.box(), Swatch.OVERLAP.border(), 2, false);
		}
		// What an overlay added or changed: edged, inside the kind's own border, so the kind still reads.
		for (Block block : layout.blocks()) {
			if (block.entry().overlay().changed()) {
				drawing.outline(inset(block.box(), 1), Swatch.OVERLAY.border(), 3, false);
			}
		}
		for (Block block : layout.dynamicBlocks()) {
			if (block.entry().overlay().changed()) {
				drawing.outline(inset(block.box(), 1), Swatch.OVERLAY.border(), 3, false);
			}
		}
		// What the boot log disagrees with: the declared block edged, the booted place drawn beside it.
		for (Block block : layout.blocks()) {
			if (block.entry().boot().differs() && block.entry().kind() != EntryKind.BOOT_ONLY) {
				drawing.outline(block.box(), Swatch.BOOTED.border(), 2, true);
			}
		}
		for (Block block : layout.bootBlocks()) {
			drawing.fill(block.box(), Swatch.BOOTED.fill());
			drawing.outline(block.box(), Swatch.BOOTED.border(), 2, true);
		}
		// Labels last, so the hatching of an overlap never hides whose it is.
		layout.blocks().forEach(b -> drawBlockLabel(layout, drawing, b));
		layout.bootBlocks().forEach(b -> drawBlockLabel(layout, drawing, b));
		for (Tick tick : layout.ticks()) {
			drawing.line(layout.axisX() - 6, tick.y(), layout.axisX() - 1, tick.y(), AXIS, 1);
			if (tick.labelled()) {
				drawing.text(Sizes.hex(tick.address()), layout.axisX() - 8, tick.y() - layout.lineHeight() / 2,
						AXIS, false, true);
			}
		}
		for (Block block : layout.dynamicBlocks()) {
			drawBlockShape(drawing, block);
			drawBlockLabel(layout, drawing, block);
		}
		if (selected != null) {
			for (Block block : layout.blocks()) {
				if (block.entry().equals(selected)) {
					drawing.outline(block.box(), SELECTION, 3, false);
				}
			}
			for (Block block : layout.dynamicBlocks()) {
				if (block.entry().equals(selected)) {
					drawing.outline(block.box(), SELECTION, 3, false);
				}
			}
		}
	}

	private static void drawLegend(MapLayout layout, MapDrawing drawing) {
		for (MapLayout.LegendItem item : layout.legend()) {
			Swatch swatch = item.swatch();
			if (swatch == Swatch.OVERLAP) {
				drawing.fill(item.box(), BACKGROUND);
				drawing.hatch(item.box(), swatch.border());
			} else {
				drawing.fill(item.box(), swatch.fill());
			}
			drawing.outline(item.box(), swatch.border(), 1, swatch == Swatch.DYNAMIC);
			drawing.text(swatch.label(), item.textX(), item.textY(), INK, false, false);
		}
	}

	private static Box inset(Box box, int by) {
		return box.width() <= 2 * by || box.height() <= 2 * by ? box
				: new Box(box.x() + by, box.y() + by, box.width() - 2 * by, box.height() - 2 * by);
	}

	private static void drawBlockShape(MapDrawing drawing, Block block) {
		Swatch swatch = Swatch.of(block.entry());
		drawing.fill(block.box(), swatch.fill());
		drawing.outline(block.box(), swatch.border(), 1,
				block.entry().dynamic() || block.entry().kind() == EntryKind.BOOT_ONLY);
	}

	private static void drawBlockLabel(MapLayout layout, MapDrawing drawing, Block block) {
		Box box = block.labelBox();
		int lineHeight = layout.lineHeight();
		int y = box.y() + Math.max(1, (box.height() - block.lines().size() * lineHeight) / 2);
		boolean first = true;
		for (String line : block.lines()) {
			drawing.text(line, box.x() + 5, y, INK, first, false);
			first = false;
			y += lineHeight;
		}
	}

	/** A white band across axis and map with two zig-zags: the axis is cut here, the gap is not to scale. */
	private static void drawBreak(MapLayout layout, MapDrawing drawing, Break gap) {
		Box band = gap.box();
		int left = layout.axisX() - 10;
		int right = layout.mapBox().x() + layout.mapBox().width();
		int inset = Math.max(2, band.height() / 6);
		drawing.fill(new Box(left, band.y() + inset, right - left, band.height() - 2 * inset), BACKGROUND);
		drawing.polyline(zigzag(left, right, band.y() + inset), AXIS, 1);
		drawing.polyline(zigzag(left, right, band.bottom() - inset), AXIS, 1);
		String label = Sizes.size(gap.size()) + " not to scale";
		drawing.text(label, layout.axisX() + 6, band.y() + (band.height() - layout.lineHeight()) / 2, AXIS,
				false, false);
	}

	private static int[] zigzag(int left, int right, int y) {
		int step = 6;
		int count = (right - left) / step + 1;
		int[] points = new int[count * 2];
		for (int i = 0; i < count; i++) {
			points[2 * i] = Math.min(right, left + i * step);
			points[2 * i + 1] = y + (i % 2 == 0 ? -2 : 2);
		}
		return points;
	}
}
