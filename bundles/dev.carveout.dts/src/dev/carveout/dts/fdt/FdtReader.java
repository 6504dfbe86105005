package dev.carveout.dts.fdt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a DTB (Devicetree Specification, chapter 5). Our own reader rather than a library: the format is a
 * header and three blocks, a few dozen lines to read, and no maintained Java reader is on Maven Central.
 * Every offset is checked against the blob, so a damaged file gives an exception, never a wrong tree.
 */
public final class FdtReader {

	static final int MAGIC = 0xd00dfeed;
	static final int HEADER_SIZE = 40;
	static final int BEGIN_NODE = 1;
	static final int END_NODE = 2;
	static final int PROP = 3;
	static final int NOP = 4;
	static final int END = 9;
	/** Version 16 is the oldest layout with the strings block size and this token set. */
	static final int OLDEST_READABLE = 16;

	private final ByteBuffer blob;
	private int structStart;
	private int structEnd;
	private int stringsStart;
	private int stringsEnd;

	private FdtReader(byte[] bytes) {
		this.blob = ByteBuffer.wrap(bytes);
	}

	public static Fdt read(Path file) throws IOException {
		try {
			return read(Files.readAllBytes(file));
		} catch (FdtFormatException e) {
			throw new FdtFormatException(file + ": " + e.getMessage());
		}
	}

	public static Fdt read(byte[] bytes) throws FdtFormatException {
		return new FdtReader(bytes).read();
	}

	private Fdt read() throws FdtFormatException {
		if (blob.limit() < HEADER_SIZE) {
			throw new FdtFormatException("truncated: " + blob.limit() + " bytes, the header alone is " + HEADER_SIZE);
		}
		int magic = blob.getInt(0);
		if (magic != MAGIC) {
			throw new FdtFormatException(String.format("bad magic 0x%08x, a DTB starts with 0x%08x", magic, MAGIC));
		}
		long totalSize = Integer.toUnsignedLong(blob.getInt(4));
		if (totalSize > blob.limit()) {
			throw new FdtFormatException("truncated: the header says " + totalSize + " bytes, the blob has " + blob.limit());
		}
		int version = blob.getInt(20);
		int lastCompatible = blob.getInt(24);
		if (lastCompatible > 17 || version < OLDEST_READABLE) {
			throw new FdtFormatException("unsupported version " + version + " (last compatible " + lastCompatible
					+ "); this reader reads versions 16 and 17");
		}
		structStart = block("structure block", blob.getInt(8), version >= 17 ? blob.getInt(36) : -1, totalSize);
		structEnd = version >= 17 ? structStart + blob.getInt(36) : (int) totalSize;
		stringsStart = block("strings block", blob.getInt(12), blob.getInt(32), totalSize);
		stringsEnd = stringsStart + blob.getInt(32);
		List<Fdt.MemReserve> memreserves = memreserves(block("memory reservation block", blob.getInt(16), 0, totalSize),
				(int) totalSize);
		return new Fdt(version, lastCompatible, blob.getInt(28), List.copyOf(memreserves), structure());
	}

	/** Checks that a block lies inside the blob; size -1 when the header does not give it. */
	private static int block(String what, int offset, int size, long totalSize) throws FdtFormatException {
		long start = Integer.toUnsignedLong(offset);
		long length = size < 0 ? 0 : Integer.toUnsignedLong(size);
		if (start + length > totalSize) {
			throw new FdtFormatException(what + " at " + start + " (" + length + " bytes) is outside the " + totalSize
					+ "-byte blob");
		}
		return (int) start;
	}

	/** Pairs of 64-bit address and size up to the (0, 0) terminator. */
	private List<Fdt.MemReserve> memreserves(int offset, int totalSize) throws FdtFormatException {
		List<Fdt.MemReserve> entries = new ArrayList<>();
		for (int at = offset;; at += 16) {
			if (at + 16 > totalSize) {
				throw new FdtFormatException("memory reservation block at " + offset + " has no terminating entry");
			}
			long address = blob.getLong(at);
			long size = blob.getLong(at + 8);
			if (address == 0 && size == 0) {
				return entries;
			}
			entries.add(new Fdt.MemReserve(address, size));
		}
	}

	private FdtNode structure() throws FdtFormatException {
		int at = skipNops(structStart);
		if (token(at) != BEGIN_NODE) {
			throw new FdtFormatException("structure block does not start with a node (token " + token(at) + " at " + at + ")");
		}
		FdtNode root = null;
		FdtNode current = null;
		while (true) {
			int token = token(at);
			at += 4;
			switch (token) {
			case BEGIN_NODE -> {
				int nameEnd = nul(at, structEnd, "node name");
				String name = new String(bytes(at, nameEnd - at), StandardCharsets.UTF_8);
				at = align(nameEnd + 1);
				if (current == null && root != null) {
					throw new FdtFormatException("a second root node at " + (at - 4));
				}
				FdtNode node = new FdtNode(current == null ? "" : name, current);
				if (current == null) {
					root = node;
				} else {
					current.add(node);
				}
				current = node;
			}
			case PROP -> {
				if (current == null) {
					throw new FdtFormatException("property outside any node at " + (at - 4));
				}
				int length = cell(at, "property length");
				int nameOffset = cell(at + 4, "property name offset");
				if (length < 0 || at + 8L + length > structEnd) {
					throw new FdtFormatException("property of " + length + " bytes at " + (at - 4) + " overruns the structure block");
				}
				current.add(new FdtProperty(string(nameOffset), bytes(at + 8, length)));
				at = align(at + 8 + length);
			}
			case END_NODE -> {
				if (current == null) {
					throw new FdtFormatException("end of node without a node at " + (at - 4));
				}
				current = current.parent();
			}
			case NOP -> {
				// padding left where a node or property was removed in place
			}
			case END -> {
				if (current != null) {
					throw new FdtFormatException("structure block ends inside node " + current.path());
				}
				return root;
			}
			default -> throw new FdtFormatException("unknown structure token " + token + " at " + (at - 4));
			}
		}
	}

	private int skipNops(int at) throws FdtFormatException {
		while (token(at) == NOP) {
			at += 4;
		}
		return at;
	}

	private int token(int at) throws FdtFormatException {
		return cell(at, "structure token");
	}

	private int cell(int at, String what) throws FdtFormatException {
		if (at < structStart || at + 4 > structEnd) {
			throw new FdtFormatException("truncated: " + what + " at " + at + " is past the structure block end " + structEnd);
		}
		return blob.getInt(at);
	}

	private String string(int offset) throws FdtFormatException {
		if (offset < 0 || stringsStart + (long) offset >= stringsEnd) {
			throw new FdtFormatException("property name offset " + offset + " is outside the strings block");
		}
		int start = stringsStart + offset;
		int end = nul(start, stringsEnd, "property name");
		return new String(bytes(start, end - start), StandardCharsets.UTF_8);
	}

	private int nul(int from, int limit, String what) throws FdtFormatException {
		for (int i = from; i < limit; i++) {
			if (blob.get(i) == 0) {
				return i;
			}
		}
		throw new FdtFormatException("truncated: " + what + " at " + from + " has no terminating NUL");
	}

	private byte[] bytes(int from, int length) {
		byte[] copy = new byte[length];
		blob.get(from, copy);
		return copy;
	}

	private static int align(int offset) {
		return (offset + 3) & ~3;
	}
}
