package dev.carveout.ui.map;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.events.MouseAdapter;
import org.eclipse.swt.events.MouseEvent;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Listener;

import dev.carveout.memmap.MemoryMap;

/**
 * The graphical half of the view: a canvas in a scroller, laid out again whenever the input or the width
 * changes. A click selects an entry, a double click opens it; hovering tells what an entry is.
 */
final class MapCanvas {

	private final ScrolledComposite scroller;
	private final Canvas canvas;
	private final Consumer<MapEntry> selected;
	private final Consumer<MapEntry> opened;
	private MemoryMap map;
	private List<MapEntry> entries = List.of();
	private MapLayout layout;
	private MapEntry selection;
	private String message = "";
	private MapEntry hovered;

	/**
	 * @param selected told the entry a click picked (null for empty space)
	 * @param opened   told the entry a double click picked
	 */
	static final double ZOOM_STEP = 1.25;
	static final double MAX_ZOOM = 64;
	private double zoom = 1;

	MapCanvas(Composite parent, Consumer<MapEntry> selected, Consumer<MapEntry> opened) {
		this.selected = selected;
		this.opened = opened;
		scroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
		canvas = new Canvas(scroller, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		scroller.setContent(canvas);
		scroller.setExpandHorizontal(true);
		scroller.setExpandVertical(true);
		scroller.getVerticalBar().setIncrement(16);
		scroller.addListener(SWT.Resize, e -> relayout());
		canvas.addPaintListener(e -> paint(e.gc));
		canvas.addMouseListener(new MouseAdapter() {
			@Override
			public void mouseDown(MouseEvent e) {
				if (e.button == 1 && layout != null) {
					selected.accept(layout.entryAt(e.x, e.y));
				}
			}

			@Override
			public void mouseDoubleClick(MouseEvent e) {
				MapEntry entry = layout == null ? null : layout.entryAt(e.x, e.y);
				if (e.button == 1 && entry != null) {
					opened.accept(entry);
				}
			}
		});
		canvas.addListener(SWT.MouseMove, e -> hover(layout == null ? null : layout.entryAt(e.x, e.y)));
		// Ctrl+wheel zooms, as in editors and browsers; the plain wheel still scrolls.
		Listener wheelZoom = e -> {
			if ((e.stateMask & SWT.MOD1) != 0 && e.count != 0) {
				setZoom(e.count > 0 ? zoom * ZOOM_STEP : zoom / ZOOM_STEP);
				e.doit = false;
			}
		};
		canvas.addListener(SWT.MouseVerticalWheel, wheelZoom);
		scroller.addListener(SWT.MouseVerticalWheel, wheelZoom);
		canvas.addListener(SWT.MouseExit, e -> hover(null));
	}

	Control control() {
		return scroller;
	}

	/** The canvas itself, in layout coordinates: what the mouse talks to. */
	Canvas canvas() {
		return canvas;
	}

	/** What the canvas shows instead of a map, e.g. while the board is being checked. */
	void showMessage(String text) {
		map = null;
		entries = List.of();
		message = text;
		relayout();
	}

	void setInput(MemoryMap newMap, List<MapEntry> newEntries) {
		map = newMap;
		entries = newEntries;
		message = "";
		relayout();
	}

	void setSelection(MapEntry entry) {
		if (!Objects.equals(selection, entry)) {
			selection = entry;
			canvas.redraw();
			reveal(entry);
		}
	}

	/**
	 * How many times taller than fitted to the window the covered memory is drawn: 1 fits it (the scale still
	 * keeps small regions a line high), more stretches it and scrolls.
	 */
	double zoom() {
		return zoom;
	}

	void setZoom(double factor) {
		double clamped = Math.max(1, Math.min(MAX_ZOOM, factor));
		if (clamped != zoom) {
			zoom = clamped;
			relayout();
		}
	}

	/** The layout on screen now; null while there is no map. */
	MapLayout layout() {
		return layout;
	}

	private void relayout() {
		if (canvas.isDisposed()) {
			return;
		}
		int width = Math.max(1, scroller.getClientArea().width);
		int height = Math.max(1, scroller.getClientArea().height);
		if (map == null) {
			layout = null;
			scroller.setMinSize(0, 0);
		} else {
			GC gc = new GC(canvas);
			try {
				layout = MapLayout.compute(map, entries, width, height, GcDrawing.measure(gc), zoom);
			} finally {
				gc.dispose();
			}
			scroller.setMinSize(layout.width(), layout.height());
		}
		canvas.redraw();
	}

	private void paint(GC gc) {
		if (layout == null) {
			gc.fillRectangle(canvas.getClientArea());
			gc.drawText(message, MapLayout.MARGIN, MapLayout.MARGIN, true);
			return;
		}
		GcDrawing drawing = new GcDrawing(gc);
		try {
			MapRenderer.render(layout, drawing, selection);
		} finally {
			drawing.dispose();
		}
	}

	/** The whole map drawn off screen, as the view paints it but without a selection. */
	ImageData snapshot() {
		Image image = new Image(canvas.getDisplay(), layout.width(), layout.height());
		GC gc = new GC(image);
		try {
			GcDrawing drawing = new GcDrawing(gc);
			try {
				MapRenderer.render(layout, drawing, null);
			} finally {
				drawing.dispose();
			}
			return image.getImageData();
		} finally {
			gc.dispose();
			image.dispose();
		}
	}

	/** Scrolls the map so a selected entry is in sight. */
	private void reveal(MapEntry entry) {
		if (layout == null || entry == null) {
			return;
		}
		for (MapLayout.Block block : layout.blocks()) {
			if (block.entry().equals(entry)) {
				int visible = scroller.getClientArea().height;
				int top = scroller.getOrigin().y;
				if (block.box().y() < top || block.box().bottom() > top + visible) {
					scroller.setOrigin(scroller.getOrigin().x, Math.max(0, block.box().y() - visible / 3));
				}
				return;
			}
		}
	}

	private void hover(MapEntry entry) {
		if (!Objects.equals(entry, hovered)) {
			hovered = entry;
			canvas.setToolTipText(entry == null ? null : EntryTooltip.text(entry, layout));
		}
	}
}
