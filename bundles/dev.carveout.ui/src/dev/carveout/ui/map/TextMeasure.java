package dev.carveout.ui.map;

/** How wide a label is: the canvas asks its GC, the SVG export and headless tests use an estimate. */
public interface TextMeasure {

	int width(String text);

	int lineHeight();

	/** Average glyph widths of a sans-serif font of {@code pixels} height; good enough to decide what fits. */
	static TextMeasure approximate(int pixels) {
		return new TextMeasure() {
			@Override
			public int width(String text) {
				return (int) Math.ceil(text.length() * pixels * 0.6);
			}

			@Override
			public int lineHeight() {
				return pixels + 4;
			}
		};
	}
}
