package dev.carveout.ui.map;

/** What the view's toolbar exports, and the file name extension each gets. */
public enum ExportFormat {
	CSV("Export CSV", "csv"), MARKDOWN("Export Markdown", "md"), SVG("Export SVG", "svg");

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
