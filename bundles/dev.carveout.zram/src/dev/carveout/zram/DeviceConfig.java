package dev.carveout.zram;

import java.util.List;
import java.util.Optional;

/**
 * One {@code [zramN]} section, with zram-generator's defaults filled in.
 *
 * @param line               the section header's line
 * @param hostMemoryLimitMiB the device is not created on boards with more MemTotal; empty for none
 * @param algorithms         empty for the kernel's default; the second and later ones are recompression algorithms
 * @param residentLimit      zram-resident-limit (mem_limit), MiB; 0 means no limit
 * @param fsType             "swap" unless a file system was asked for
 */
public record DeviceConfig(String name, int index, int line, SizeExpression size, Optional<Long> hostMemoryLimitMiB,
		List<Algorithm> algorithms, int swapPriority, SizeExpression residentLimit, Optional<String> writebackDevice,
		String fsType, Optional<String> mountPoint, String options) {

	public static final int DEFAULT_SWAP_PRIORITY = 100;
	public static final String DEFAULT_OPTIONS = "discard";

	public DeviceConfig {
		algorithms = List.copyOf(algorithms);
	}

	public boolean isSwap() {
		return fsType.equals("swap") && mountPoint.isEmpty();
	}
}
