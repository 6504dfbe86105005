package dev.carveout.ui.map;

/** What the view menu exports, and the file name extension each gets. */
public enum ExportFormat {
	CSV("Export CSV", "csv"), MARKDOWN("Export Markdown", "md"), SVG("Export SVG", "svg"),
	/** The map as the view draws it, at its full (scrollable) size. */
	PNG("Export PNG", "png");

	private final String actionText;
	private final String extension;

	ExportFormat(String actionText, String extension) {
		this.actionText = actionText;
		this.extension = extension;
	}

	public String actionText() {
		return actionText;
	}

	public String extension() {
		return extension;
	}
}
