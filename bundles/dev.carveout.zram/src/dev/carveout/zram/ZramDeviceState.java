package dev.carveout.zram;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the board's /sys/block/zramN says.
 *
 * @param attributes           the sysfs attributes this kernel has for the device
 * @param algorithms           the algorithms comp_algorithm lists
 * @param selectedAlgorithm    the one in brackets
 * @param recompression        selected recompression algorithms by priority (1 first), empty if none
 * @param disksize             bytes; 0 when the device is not initialised
 * @param memLimit             mm_stat's mem_limit in bytes (mem_limit itself is write-only); 0 for none
 * @param backingDevice        backing_dev, empty for "none" or without the attribute
 */
public record ZramDeviceState(String name, Set<String> attributes, List<String> algorithms, String selectedAlgorithm,
		List<String> recompression, long disksize, long memLimit, Optional<String> backingDevice) {

	public ZramDeviceState {
		attributes = Set.copyOf(attributes);
		algorithms = List.copyOf(algorithms);
		recompression = List.copyOf(recompression);
	}

	public int index() {
		return Integer.parseInt(name.substring("zram".length()));
	}

	public boolean initialized() {
		return disksize > 0;
	}

	public boolean has(String attribute) {
		return attributes.contains(attribute);
	}
}
