package dev.carveout.dts.cpp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

	/**
	 * The outermost macro invocations written in {@code path}, each with the output range its expansion produced, in
	 * output order. One invocation can own several segments (an argument spread over lines): they are joined.
	 */
	public List<Expansion> expansionsIn(Path path, int outputLength) {
		List<Expansion> expansions = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			if (macro[i] == null || !file[i].path.equals(path)) {
				continue;
			}
			int end = i + 1 < count ? outStart[i + 1] : outputLength;
			Expansion last = expansions.isEmpty() ? null : expansions.get(expansions.size() - 1);
			if (last != null && last.sameInvocation(file[i], offset[i], macro[i])) {
				expansions.set(expansions.size() - 1, last.extendedTo(end));
			} else {
				expansions.add(new Expansion(macro[i], file[i], offset[i], outStart[i], end));
			}
		}
		return expansions;
	}

	/** What one macro invocation in a file expanded to: output characters [outputStart, outputEnd). */
	public static final class Expansion {
		private final String macro;
		private final FileContext file;
		private final int logicalOffset;
		private final int outputStart;
		private final int outputEnd;

		Expansion(String macro, FileContext file, int logicalOffset, int outputStart, int outputEnd) {
			this.macro = macro;
			this.file = file;
			this.logicalOffset = logicalOffset;
			this.outputStart = outputStart;
			this.outputEnd = outputEnd;
		}

		public String macro() {
			return macro;
		}

		/** Where the macro's name was written. */
		public Origin invocation() {
			return file.origin(logicalOffset, null);
		}

		public int outputStart() {
			return outputStart;
		}

		public int outputEnd() {
			return outputEnd;
		}

		boolean sameInvocation(FileContext otherFile, int otherOffset, String otherMacro) {
			return file == otherFile && logicalOffset == otherOffset && macro.equals(otherMacro);
		}

		Expansion extendedTo(int end) {
			return new Expansion(macro, file, logicalOffset, outputStart, end);
		}
	}

	private final List<LineDirective> lineDirectives = new ArrayList<>();

	/** The #line directives cpp read, in the order it read them: they move the places cpp's line markers name. */
	public List<LineDirective> lineDirectives() {
		return List.copyOf(lineDirectives);
	}

	void lineDirective(LineDirective directive) {
		lineDirectives.add(directive);
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
