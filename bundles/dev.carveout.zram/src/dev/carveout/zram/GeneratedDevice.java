package dev.carveout.zram;

import java.util.Optional;

/**
 * A device zram-generator creates from a configuration set on a given board: its sizes evaluated, the rest as
 * configured.
 *
 * @param disksize bytes as zram-generator writes them (before the kernel rounds up to a page); {@link Long#MAX_VALUE}
 *                 stands for anything from 2⁶³ up, which zram-generator writes as it is and the kernel refuses
 * @param memLimit bytes, 0 for no limit
 */
public record GeneratedDevice(DeviceConfig config, long disksize, long memLimit) {

	public String name() {
		return config.name();
	}

	public int priority() {
		return config.swapPriority();
	}

	public String options() {
		return config.options();
	}

	public Optional<String> mountPoint() {
		return config.mountPoint();
	}

	public boolean isSwap() {
		return config.isSwap();
	}
}
