package dev.carveout.zram;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether a deployment also writes the configuration where the board's own boot reads it, so the swap comes back
 * after a reboot: {@link #SYSTEMD} writes zram-generator's {@code /etc/systemd/zram-generator.conf}, keeping the old
 * file as {@code .carveout-bak} (and restoring it if the deployment rolls back).
 */
public enum Persistence {

	/** The running board only: gone at the next boot. */
	NONE(null),
	/** zram-generator's configuration file (systemd images). */
	SYSTEMD("/etc/systemd/zram-generator.conf");

	private final String file;

	Persistence(String file) {
		this.file = file;
	}

	public String file() {
		return file;
	}

	public String backup() {
		return file + ".carveout-bak";
	}

	/**
	 * The configuration as one file zram-generator reads alike: the set! variables, then the devices with every value
	 * they were given, merged and normalised (comments and ignored sections dropped). Lines reach the board quoted.
	 */
	public static List<String> render(ZramConfig config) {
		List<String> lines = new ArrayList<>();
		lines.add("# Written by Carveout (Deploy zram config to target); the previous file is kept as .carveout-bak");
		for (SetVariable v : config.variables()) {
			lines.add("set!" + v.name() + " = " + v.command());
		}
		for (DeviceConfig d : config.devices()) {
			lines.add("[" + d.name() + "]");
			lines.add("zram-size = " + d.size().source());
			d.hostMemoryLimitMiB().ifPresent(limit -> lines.add("host-memory-limit = " + Long.toUnsignedString(limit)));
			if (!d.algorithms().isEmpty() || !d.recompressionParams().isEmpty()) {
				String global = d.recompressionParams().isEmpty() ? "" : " (" + d.recompressionParams().replace(' ', ',') + ")";
				lines.add("compression-algorithm = "
						+ d.algorithms().stream().map(Algorithm::toString).collect(Collectors.joining(" ")) + global);
			}
			lines.add("swap-priority = " + d.swapPriority());
			if (config.version().keys().contains("zram-resident-limit")) {
				lines.add("zram-resident-limit = " + d.residentLimit().source());
			}
			d.writebackDevice().ifPresent(dev -> lines.add("writeback-device = " + dev));
			lines.add("options = " + d.options());
		}
		return lines;
	}
}
