package dev.carveout.memmap.bootlog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.carveout.memmap.AddressRange;

/**
 * Reads what Linux prints about reserved memory (drivers/of/of_reserved_mem.c, kernel/dma/contiguous.c,
 * coherent.c) from a boot log or dmesg: timestamps and log levels are skipped, both the "OF: reserved mem:"
 * and "OF: fdt:" prefixes are accepted, sizes in "KiB" or the older "K", and extra flags before the name.
 * Lines about anything else are ignored.
 */
public final class BootLogParser {

	private static final String PREFIX = "(?:OF: (?:reserved mem|fdt): )?";
	private static final Pattern REGION = Pattern.compile(PREFIX
			+ "(0x[0-9a-fA-F]+)\\.\\.(0x[0-9a-fA-F]+) \\((\\d+) Ki?B?\\) ((?:[a-z-]+ )+?)(\\S+)$");
	private static final Pattern OVERLAP = Pattern.compile(PREFIX
			+ "(\\S+) \\((0x[0-9a-fA-F]+)--(0x[0-9a-fA-F]+)\\) overlaps with (\\S+) \\((0x[0-9a-fA-F]+)--(0x[0-9a-fA-F]+)\\)$");
	private static final Pattern POOL = Pattern.compile(
			"(?:cma: )?Reserved memory: created (CMA|DMA) memory pool at (0x[0-9a-fA-F]+), size (\\d+) MiB$");
	private static final Pattern FAILED = Pattern.compile(PREFIX
			+ "(?:Reserved memory: )?failed to (reserve|allocate) memory for node '([^']+)'.*$");
	private static final Pattern MATCH_FAIL = Pattern.compile(PREFIX + "node (\\S+) compatible matching fail$");
	private static final Pattern INITIALIZED = Pattern.compile(PREFIX + "initialized node (\\S+), compatible id (\\S+)$");
	private static final Pattern DECORATION = Pattern.compile("^(?:<\\d+>)?(?:\\[\\s*\\d+\\.\\d+\\]\\s*)?");

	private BootLogParser() {
	}

	public static List<BootLogEvent> parse(String log) {
		List<BootLogEvent> events = new ArrayList<>();
		String[] lines = log.split("\r?\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String text = DECORATION.matcher(lines[i]).replaceFirst("").strip();
			int line = i + 1;
			Matcher m;
			if ((m = REGION.matcher(text)).find()) {
				long base = Long.parseUnsignedLong(m.group(1).substring(2), 16);
				long last = Long.parseUnsignedLong(m.group(2).substring(2), 16);
				List<String> flags = List.of(m.group(4).trim().split(" "));
				events.add(new BootLogEvent.Region(line, new AddressRange(base, last - base + 1), flags.contains("nomap"),
						flags.contains("reusable"), m.group(5)));
			} else if (text.endsWith("OVERLAP DETECTED!") && i + 1 < lines.length
					&& (m = OVERLAP.matcher(DECORATION.matcher(lines[i + 1]).replaceFirst("").strip())).find()) {
				events.add(new BootLogEvent.Overlap(line, m.group(1), range(m.group(2), m.group(3)), m.group(4), range(m.group(5), m.group(6))));
				i++;
			} else if (text.contains("incorrect alignment of CMA region")) {
				events.add(new BootLogEvent.IncorrectCmaAlignment(line));
			} else if ((m = POOL.matcher(text)).find()) {
				events.add(new BootLogEvent.PoolCreated(line, m.group(1).equals("CMA"), Long.parseUnsignedLong(m.group(2).substring(2), 16),
						Long.parseLong(m.group(3))));
			} else if ((m = FAILED.matcher(text)).find()) {
				events.add(new BootLogEvent.Failed(line, m.group(2), m.group(1).equals("allocate")));
			} else if ((m = MATCH_FAIL.matcher(text)).find()) {
				events.add(new BootLogEvent.CompatibleMatchFail(line, m.group(1)));
			} else if ((m = INITIALIZED.matcher(text)).find()) {
				events.add(new BootLogEvent.Initialized(line, m.group(1), m.group(2)));
			}
		}
		return events;
	}

	/** The kernel prints overlaps as base--end (end exclusive). */
	private static AddressRange range(String base, String end) {
		long b = Long.parseUnsignedLong(base.substring(2), 16);
		return new AddressRange(b, Long.parseUnsignedLong(end.substring(2), 16) - b);
	}
}
