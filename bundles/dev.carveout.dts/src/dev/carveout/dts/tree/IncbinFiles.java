package dev.carveout.dts.tree;

import dev.carveout.memmap.SourceRef;

/**
 * Finds the file a {@code /incbin/} names, as dtc does (the including file's folder, then -i), and reads it, or says
 * what is wrong with it: not found, or not a regular file (a directory, /dev/zero, a FIFO).
 */
@FunctionalInterface
public interface IncbinFiles {

	/** The file's bytes, or the problem with it; neither when nobody reads files (the value stays unknown). */
	record Content(byte[] bytes, String problem) {

		public static final Content NOT_READ = new Content(null, null);
	}

	/** The content of the file {@code /incbin/} at {@code at} names. */
	Content read(String file, SourceRef at);
}
