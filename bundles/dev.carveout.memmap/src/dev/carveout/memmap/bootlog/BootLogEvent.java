package dev.carveout.memmap.bootlog;

import dev.carveout.memmap.AddressRange;

/** One thing the kernel said about reserved memory at boot, with the log line it came from (1-based). */
public sealed interface BootLogEvent {

	int line();

	/** {@code OF: reserved mem: 0x…..0x… (N KiB) nomap|map reusable|non-reusable NAME}: a registered region. */
	record Region(int line, AddressRange range, boolean noMap, boolean reusable, String name) implements BootLogEvent {
	}

	/** {@code OVERLAP DETECTED!} and the line after it naming both regions. */
	record Overlap(int line, String first, AddressRange firstRange, String second, AddressRange secondRange) implements BootLogEvent {
	}

	/** {@code Reserved memory: incorrect alignment of CMA region}. */
	record IncorrectCmaAlignment(int line) implements BootLogEvent {
	}

	/** {@code created CMA memory pool at …, size N MiB} or {@code created DMA memory pool …}. */
	record PoolCreated(int line, boolean cma, long base, long sizeMiB) implements BootLogEvent {
	}

	/** {@code failed to reserve memory for node …} or {@code failed to allocate memory for node …}. */
	record Failed(int line, String name, boolean allocation) implements BootLogEvent {
	}

	/** {@code node NAME compatible matching fail}: the region's setup refused it and its memory went back. */
	record CompatibleMatchFail(int line, String name) implements BootLogEvent {
	}

	/** {@code initialized node NAME, compatible id COMPAT}. */
	record Initialized(int line, String name, String compatible) implements BootLogEvent {
	}
}
