package dev.carveout.dts.tree;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A property's bytes as dtc writes them to the flattened tree, with the places where references to other
 * nodes are still to be filled in (phandles) or spliced in (paths).
 */
public record PropertyValue(byte[] bytes, List<Reference> references) {

	public static final PropertyValue EMPTY = new PropertyValue(new byte[0], List.of());

	public int length() {
		return bytes.length;
	}

	public boolean isEmpty() {
		return bytes.length == 0;
	}

	/** Big-endian 32-bit cells; a trailing partial cell is ignored. */
	public long[] cells() {
		long[] cells = new long[bytes.length / 4];
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		for (int i = 0; i < cells.length; i++) {
			cells[i] = Integer.toUnsignedLong(buffer.getInt());
		}
		return cells;
	}

	/** The NUL-separated strings of a string-list property. */
	public List<String> strings() {
		if (bytes.length == 0) {
			return List.of();
		}
		int end = bytes[bytes.length - 1] == 0 ? bytes.length - 1 : bytes.length;
		return List.of(new String(bytes, 0, end, java.nio.charset.StandardCharsets.UTF_8).split("\0", -1));
	}

	/** A reference to a node: a phandle cell at {@code offset}, or a path string spliced in at it. */
	public record Reference(int offset, String target, boolean isPath) {
	}
}
