package dev.carveout.zram;

import java.util.List;
import java.util.Optional;

/**
 * One {@code [zramN]} device as the configuration set defines it, every section of that name in every file merged
 * (later keys win), with zram-generator's defaults filled in.
 *
 * @param line                the first section header's line
 * @param file                the board path of that header's file, "" for a single file
 * @param size                zram-size, or the obsolete zram-fraction/max-zram-size pair as the same expression
 * @param hostMemoryLimitMiB  the device is not created on boards with more MemTotal; empty for none
 * @param algorithms          empty for the kernel's default; the second and later ones are recompression algorithms
 * @param recompressionParams the global recompression parameters (a nameless {@code (...)}), "" for none
 * @param residentLimit       zram-resident-limit (mem_limit), MiB; 0 means no limit
 * @param fsType              "swap" unless a file system was asked for
 */
public record DeviceConfig(String name, int index, int line, String file, SizeExpression size,
		Optional<Long> hostMemoryLimitMiB, List<Algorithm> algorithms, String recompressionParams, int swapPriority,
		SizeExpression residentLimit, Optional<String> writebackDevice, String fsType, Optional<String> mountPoint,
		String options) {

	public static final int DEFAULT_SWAP_PRIORITY = 100;
	public static final String DEFAULT_OPTIONS = "discard";

	public DeviceConfig {
		algorithms = List.copyOf(algorithms);
	}

	public boolean isSwap() {
		return fsType.equals("swap") && mountPoint.isEmpty();
	}
}
