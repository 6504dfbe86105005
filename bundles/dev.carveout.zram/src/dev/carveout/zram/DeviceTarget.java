package dev.carveout.zram;

import java.util.List;
import java.util.Optional;

/**
 * What one zram swap device must look like on the board once deployed (or, for a rollback, looked like before).
 *
 * @param disksize        bytes, a multiple of the page size (the kernel rounds up to it)
 * @param algorithm       empty to keep the kernel's default
 * @param recompression   recompression algorithms, priority 1 first
 * @param memLimit        bytes, 0 for no limit
 */
public record DeviceTarget(String name, long disksize, Optional<Algorithm> algorithm, List<Algorithm> recompression,
		int priority, long memLimit, Optional<String> backingDevice, String swapOptions) {

	public DeviceTarget {
		recompression = List.copyOf(recompression);
	}

	public String devicePath() {
		return "/dev/" + name;
	}

	public String sysfs(String attribute) {
		return "/sys/block/" + name + "/" + attribute;
	}

	public int index() {
		return Integer.parseInt(name.substring("zram".length()));
	}
}
