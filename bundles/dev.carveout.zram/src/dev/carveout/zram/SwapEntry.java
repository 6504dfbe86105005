package dev.carveout.zram;

/** One line of /proc/swaps. */
public record SwapEntry(String device, String type, long sizeKiB, long usedKiB, int priority) {
}
