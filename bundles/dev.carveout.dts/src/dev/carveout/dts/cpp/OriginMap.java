package dev.carveout.dts.cpp;

import java.util.Arrays;

import dev.carveout.memmap.SourceRef;

/**
 * For each character of preprocessed output, the place in the sources it came from. Stored as segments sorted by
 * output offset: a direct segment maps its characters one to one onto a stretch of a file (so a whole line, or
 * several, copied from a file is one segment); a macro segment maps all its characters onto the invocation of the
 * outermost macro that produced them.
 */
public final class OriginMap {

	private int count;
	private int[] outStart = new int[64];
	private FileContext[] file = new FileContext[64];
	private int[] offset = new int[64];
	/** Null for a direct segment. */
	private String[] macro = new String[64];

	OriginMap() {
	}

	/** Where the character at an output offset came from; null when the output is empty. */
	public Origin originOf(int outputOffset) {
		if (count == 0) {
			return null;
		}
		int i = Arrays.binarySearch(outStart, 0, count, outputOffset);
		if (i < 0) {
			i = Math.max(0, -i - 2);
		}
		while (i + 1 < count && outStart[i + 1] == outStart[i] && outStart[i + 1] <= outputOffset) {
			i++;
		}
		if (macro[i] != null) {
			return file[i].origin(offset[i], macro[i]);
		}
		return file[i].origin(offset[i] + Math.max(0, outputOffset - outStart[i]), null);
	}

	/**
	 * The place an output range [start, end) came from, as the engine's findings cite places: its start, and its
	 * length in that file when both ends come straight from the same file (0 otherwise, e.g. in a macro expansion).
	 */
	public SourceRef sourceRef(int start, int end) {
		Origin first = originOf(start);
		if (first == null) {
			return SourceRef.UNKNOWN;
		}
		int length = 0;
		if (end > start && first.macro() == null) {
			Origin last = originOf(end - 1);
			if (last != null && last.macro() == null && last.file().equals(first.file())
					&& last.offset() >= first.offset()) {
				length = last.offset() - first.offset() + 1;
			}
		}
		return new SourceRef(first.file(), first.line(), first.column(), first.offset(), length);
	}

	/** Number of segments; shows how compact the map is. */
	public int segments() {
		return count;
	}

	/** Characters from {@code out} on come from ctx's text at logicalOffset onwards. */
	void direct(int out, FileContext ctx, int logicalOffset) {
		if (count > 0 && macro[count - 1] == null && file[count - 1] == ctx
				&& out - outStart[count - 1] == logicalOffset - offset[count - 1]) {
			return;
		}
		add(out, ctx, logicalOffset, null);
	}

	/** Characters from {@code out} on come from expanding the macro invoked at logicalOffset of ctx. */
	void expansion(int out, FileContext ctx, int logicalOffset, String macroName) {
		if (count > 0 && macro[count - 1] == macroName && file[count - 1] == ctx
				&& offset[count - 1] == logicalOffset) {
			return;
		}
		add(out, ctx, logicalOffset, macroName);
	}

	private void add(int out, FileContext ctx, int logicalOffset, String macroName) {
		if (count > 0 && outStart[count - 1] == out) {
			count--;
		}
		if (count == outStart.length) {
			int capacity = count * 2;
			outStart = Arrays.copyOf(outStart, capacity);
			file = Arrays.copyOf(file, capacity);
			offset = Arrays.copyOf(offset, capacity);
			macro = Arrays.copyOf(macro, capacity);
		}
		outStart[count] = out;
		file[count] = ctx;
		offset[count] = logicalOffset;
		macro[count] = macroName;
		count++;
	}
}
