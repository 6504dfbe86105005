package dev.carveout.zram;

/**
 * One file of a configuration set.
 *
 * @param path where zram-generator reads it on the board, e.g. {@code /etc/systemd/zram-generator.conf.d/10-swap.conf}
 * @param text its contents
 */
public record ConfigFile(String path, String text) {

	/** The file name, which orders drop-ins. */
	public String name() {
		return path.substring(path.lastIndexOf('/') + 1);
	}

	/** The directory zram-generator reads it from ({@code /etc}, {@code /usr/lib}, ...). */
	public String baseDirectory() {
		int systemd = path.lastIndexOf("/systemd/");
		return systemd < 0 ? "" : path.substring(0, systemd);
	}

	public boolean isDropIn() {
		return path.contains("/zram-generator.conf.d/");
	}
}
