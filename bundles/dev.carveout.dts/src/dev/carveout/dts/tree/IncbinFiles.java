package dev.carveout.dts.tree;

import dev.carveout.memmap.SourceRef;

/**
 * Finds the file a {@code /incbin/} names, as dtc does (the including file's folder, then -i), and says what is
 * wrong with it: not found, or not a regular file (a directory, /dev/zero, a FIFO). Its bytes are not read.
 */
@FunctionalInterface
public interface IncbinFiles {

	/** The problem with the file {@code /incbin/} at {@code at} names, or null when it is a regular file. */
	String problem(String file, SourceRef at);
}
