package dev.carveout.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line Linux (6.x, drivers/of/of_reserved_mem.c) prints at boot for each /reserved-memory region it set
 * up, e.g. {@code OF: reserved mem: 0x0000000081800000..0x00000000835fffff (30720 KiB) nomap non-reusable
 * cdsp-secure-heap@81800000}. It is what the kernel actually did with a region, to compare with what the
 * board's device tree declares.
 *
 * @param base     first byte of the region
 * @param last     last byte of the region (the kernel prints an inclusive end)
 * @param sizeKiB  the size as printed, in KiB (rounded down by the kernel)
 * @param noMap    "nomap": the region is left out of the kernel's linear map
 * @param reusable "reusable": the kernel lends the memory to movable pages (CMA)
 * @param name     the node name, with its unit address if it has one
 */
public record ReservedMemLogLine(long base, long last, long sizeKiB, boolean noMap, boolean reusable, String name) {

	// Anywhere in the line: dmesg prefixes a timestamp ("[    0.000000] "), a console log may prefix more.
	private static final Pattern LINE = Pattern.compile(
			"OF: reserved mem: 0x(\\p{XDigit}{1,16})\\.\\.0x(\\p{XDigit}{1,16}) \\((\\d+) KiB\\) (nomap|map) (reusable|non-reusable) (\\S+)\\s*$");

	/** The region's size in bytes, from its printed bounds. */
	public long size() {
		return last - base + 1;
	}

	/** The line's region, or empty if the line is anything else (including the kernel's other reserved-mem messages). */
	public static Optional<ReservedMemLogLine> parse(String line) {
		Matcher m = LINE.matcher(line);
		if (!m.find()) {
			return Optional.empty();
		}
		return Optional.of(new ReservedMemLogLine(Long.parseUnsignedLong(m.group(1), 16),
				Long.parseUnsignedLong(m.group(2), 16), Long.parseLong(m.group(3)), m.group(4).equals("nomap"),
				m.group(5).equals("reusable"), m.group(6)));
	}

	/** Every region line of a kernel log (dmesg output or a serial console capture), in order. */
	public static List<ReservedMemLogLine> parseAll(String log) {
		List<ReservedMemLogLine> lines = new ArrayList<>();
		for (String line : log.split("\\R")) {
			parse(line).ifPresent(lines::add);
		}
		return lines;
	}

	@Override
	public String toString() {
		return String.format("0x%016x..0x%016x (%d KiB) %s %s %s", base, last, sizeKiB, noMap ? "nomap" : "map",
				reusable ? "reusable" : "non-reusable", name);
	}
}
