package dev.carveout.zram;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The zram-generator releases whose semantics differ, with what each reads. A board's version is the newest release
 * not newer than the one it runs ({@code zram-generator --version}); a board without the generator gets the newest.
 *
 * @param keys            the keys of a {@code [zramN]} section this release knows (others are warned about and ignored)
 * @param algorithmList   {@code compression-algorithm} is a list: the first compresses, the others recompress, each
 *                        with {@code (param=value,...)}, and a nameless {@code (...)} holds the global recompression
 *                        parameters; before, the whole value is one algorithm name written as it stands
 * @param setVariables    top-level {@code set!NAME = command} lines define variables for the sizes
 */
public record GeneratorVersion(String name, int major, int minor, int patch, Set<String> keys, boolean algorithmList,
		boolean setVariables) {

	private static final Set<String> KEYS_1_1 = Set.of("host-memory-limit", "memory-limit", "zram-size",
			"compression-algorithm", "writeback-device", "swap-priority", "mount-point", "fs-type", "options",
			"zram-fraction", "max-zram-size");

	/** Debian 12 (bookworm), Ubuntu 22.04 to 24.04. */
	public static final GeneratorVersion V1_1_2 = new GeneratorVersion("1.1.2", 1, 1, 2, KEYS_1_1, false, false);

	/** zram-resident-limit, recompression algorithms with parameters, set! variables. */
	public static final GeneratorVersion V1_2_0 = new GeneratorVersion("1.2.0", 1, 2, 0,
			union(KEYS_1_1, "zram-resident-limit"), true, true);

	public static final GeneratorVersion NEWEST = V1_2_0;

	private static final GeneratorVersion[] KNOWN = { V1_1_2, V1_2_0 };
	private static final Pattern NUMBER = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

	private static Set<String> union(Set<String> keys, String... more) {
		java.util.Set<String> all = new java.util.HashSet<>(keys);
		all.addAll(Arrays.asList(more));
		return Set.copyOf(all);
	}

	/**
	 * The semantics of the release a version string names ({@code "zram-generator 1.1.2"}, {@code "1.2.1"}): the newest
	 * known release not newer than it; the oldest known one for anything older; empty if no version is in the text.
	 */
	public static Optional<GeneratorVersion> of(String text) {
		Matcher m = NUMBER.matcher(text == null ? "" : text);
		if (!m.find()) {
			return Optional.empty();
		}
		int[] v = { Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
				m.group(3) == null ? 0 : Integer.parseInt(m.group(3)) };
		Comparator<int[]> order = Comparator.<int[]>comparingInt(a -> a[0]).thenComparingInt(a -> a[1])
				.thenComparingInt(a -> a[2]);
		GeneratorVersion match = KNOWN[0];
		for (GeneratorVersion known : KNOWN) {
			if (order.compare(new int[] { known.major, known.minor, known.patch }, v) <= 0) {
				match = known;
			}
		}
		return Optional.of(match);
	}

	@Override
	public String toString() {
		return "zram-generator " + name;
	}
}
