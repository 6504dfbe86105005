package dev.carveout.zram;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The zram-relevant state of a board, as {@link BoardStateProbe} reads it before anything is planned.
 *
 * @param memTotalKiB MemTotal of /proc/meminfo
 * @param zramLoaded  the zram driver is present (loaded module or built in)
 * @param hotAdd      /sys/class/zram-control/hot_add exists
 * @param devices     /sys/block/zram*, by index
 * @param zramMounts  zram devices mounted as file systems (never touched)
 * @param pageSize    bytes; the kernel rounds disksize up to it
 * @param appliedRecord what Carveout's last successful deployment wrote to {@link ZramPlanner#APPLIED_RECORD}
 * @param cmdline     /proc/cmdline
 * @param generator   what the board's zram-generator says its version is, "" when it has none
 * @param configFiles the zram-generator files on the board (every main file and drop-in of the four directories)
 * @param setOutputs  what each set! command of the configuration printed on the board, by command
 */
public record BoardState(String kernelRelease, long memTotalKiB, boolean zramLoaded, boolean hotAdd,
		List<ZramDeviceState> devices, List<SwapEntry> swaps, Set<String> zramMounts, long pageSize,
		List<String> appliedRecord, String cmdline, String generator, List<ConfigFile> configFiles,
		Map<String, String> setOutputs) {

	public BoardState {
		devices = List.copyOf(devices);
		swaps = List.copyOf(swaps);
		zramMounts = Set.copyOf(zramMounts);
		appliedRecord = List.copyOf(appliedRecord);
		configFiles = List.copyOf(configFiles);
		setOutputs = Map.copyOf(setOutputs);
	}

	/** MemTotal in whole MiB, as zram-generator computes its {@code ram}. */
	public long ramMiB() {
		return ZramGenerator.ramMiB(memTotalKiB);
	}

	/** The semantics of the board's zram-generator; the newest release when it has none. */
	public GeneratorVersion generatorVersion() {
		return GeneratorVersion.of(generator).orElse(GeneratorVersion.NEWEST);
	}

	/** The same board with the outputs of the configuration's set! commands. */
	public BoardState withSetOutputs(Map<String, String> outputs) {
		return new BoardState(kernelRelease, memTotalKiB, zramLoaded, hotAdd, devices, swaps, zramMounts, pageSize,
				appliedRecord, cmdline, generator, configFiles, outputs);
	}

	public Optional<ZramDeviceState> device(String name) {
		return devices.stream().filter(d -> d.name().equals(name)).findFirst();
	}

	public Optional<SwapEntry> swap(String device) {
		return swaps.stream().filter(s -> s.device().equals(device)).findFirst();
	}

	public List<SwapEntry> zramSwaps() {
		return swaps.stream().filter(s -> s.device().startsWith("/dev/zram")).toList();
	}

	/** The algorithms the board offers (comp_algorithm of its first device), or null when no device exists yet. */
	public Set<String> algorithms() {
		return devices.isEmpty() ? null : new TreeSet<>(devices.getFirst().algorithms());
	}
}
