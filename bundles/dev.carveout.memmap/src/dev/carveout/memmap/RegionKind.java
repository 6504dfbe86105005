package dev.carveout.memmap;

/** How a /reserved-memory child gets its memory: a fixed {@code reg}, a {@code size} placed at boot, or neither. */
public enum RegionKind {
	STATIC, DYNAMIC, NONE;
}
