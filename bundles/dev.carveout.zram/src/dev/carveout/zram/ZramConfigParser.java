package dev.carveout.zram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a file in zram-generator.conf(5) format (systemd.syntax INI: {@code [zramN]} sections, {@code key = value},
 * comment lines starting with {@code #} or {@code ;}) into {@link DeviceConfig}s, with a {@link Diagnostic} at line
 * and column for everything zram-generator would ignore or reject and for every value a shell would interpret.
 * <p>
 * Unknown keys are errors here although zram-generator only warns: a mistyped key deployed silently would leave the
 * board configured otherwise than the file says.
 */
public final class ZramConfigParser {

	private static final Pattern SECTION = Pattern.compile("\\[([^\\]]*)\\]\\s*");
	private static final Pattern DEVICE = Pattern.compile("zram(0|[1-9][0-9]{0,3})");
	private static final Pattern ALGORITHM_TOKEN = Pattern.compile("([A-Za-z0-9][A-Za-z0-9-]*)?(?:\\(([^()]*)\\))?");
	private static final Pattern PARAM = Pattern.compile("([a-z_]+)=([A-Za-z0-9_./-]+)");
	private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._/:+-]+");
	private static final Pattern FS_TYPE = Pattern.compile("[a-z0-9]+");
	private static final Pattern OPTIONS = Pattern.compile("[A-Za-z0-9_.=-]+(,[A-Za-z0-9_.=-]+)*");

	/** Keys whose syntax uses parentheses (expressions, algorithm parameters). */
	private static final Set<String> PARENTHESISED = Set.of("zram-size", "zram-resident-limit", "compression-algorithm");

	private final Set<String> boardAlgorithms;

	/** Checks algorithms against the kernel's list only. */
	public ZramConfigParser() {
		this(null);
	}

	/**
	 * @param boardAlgorithms the algorithms the board's comp_algorithm lists, or null when the board is not known
	 */
	public ZramConfigParser(Set<String> boardAlgorithms) {
		this.boardAlgorithms = boardAlgorithms == null ? null : Set.copyOf(boardAlgorithms);
	}

	public ZramConfig parse(String text) {
		return new Run().parse(text);
	}

	/** One parse: the diagnostics and the sections seen so far. */
	private final class Run {
		private final List<Diagnostic> diagnostics = new ArrayList<>();
		private final Map<Integer, Section> sections = new TreeMap<>();

		ZramConfig parse(String text) {
			Section current = null;
			boolean ignoredSection = false;
			String[] lines = text.split("\r?\n", -1);
			for (int i = 0; i < lines.length; i++) {
				int lineNo = i + 1;
				String raw = lines[i];
				String line = raw.strip();
				int indent = raw.indexOf(line.isEmpty() ? " " : line.substring(0, 1));
				if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
					continue;
				}
				Matcher section = SECTION.matcher(line);
				if (section.matches()) {
					String name = section.group(1).strip();
					Matcher device = DEVICE.matcher(name);
					if (device.matches()) {
						int index = Integer.parseInt(device.group(1));
						current = sections.computeIfAbsent(index, k -> new Section(name, k, lineNo));
						ignoredSection = false;
					} else {
						current = null;
						ignoredSection = true;
						warning(lineNo, indent + 1, line.length(), "section [" + name
								+ "] is ignored: zram-generator reads only [zramN] sections");
					}
					continue;
				}
				if (line.startsWith("[")) {
					error(lineNo, indent + 1, line.length(), "malformed section header: " + line);
					continue;
				}
				int eq = line.indexOf('=');
				if (eq < 0) {
					error(lineNo, indent + 1, line.length(), "expected 'key = value' or a [zramN] section");
					continue;
				}
				String key = line.substring(0, eq).strip();
				String value = line.substring(eq + 1).strip();
				int valueColumn = raw.indexOf('=') + 2 + leadingSpace(line.substring(eq + 1));
				int keyColumn = indent + 1;
				if (current == null) {
					if (!ignoredSection) {
						warning(lineNo, keyColumn, key.length(), "'" + key + "' is outside a [zramN] section and is ignored");
					}
					continue;
				}
				int meta = ShellSafety.firstMetacharacter(value, PARENTHESISED.contains(key));
				if (meta >= 0) {
					error(lineNo, valueColumn + meta, 1, "'" + value.charAt(meta) + "' in the value of " + key
							+ " is a shell metacharacter: refused, nothing is sent to a board with it");
					current.poisoned = true;
					continue;
				}
				current.setting(key, value, lineNo, keyColumn, valueColumn);
			}
			List<DeviceConfig> devices = new ArrayList<>();
			for (Section s : sections.values()) {
				DeviceConfig d = s.build();
				if (d != null) {
					devices.add(d);
				}
			}
			diagnostics.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
					: Integer.compare(a.column(), b.column()));
			return new ZramConfig(devices, diagnostics);
		}

		private static int leadingSpace(String s) {
			int n = 0;
			while (n < s.length() && Character.isWhitespace(s.charAt(n))) {
				n++;
			}
			return n;
		}

		void error(int line, int column, int length, String message) {
			diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, line, column, Math.max(1, length), message));
		}

		void warning(int line, int column, int length, String message) {
			diagnostics.add(new Diagnostic(Diagnostic.Severity.WARNING, line, column, Math.max(1, length), message));
		}

		/** The settings of one [zramN] (several headers for the same device merge, later keys win). */
		private final class Section {
			final String name;
			final int index;
			final int line;
			boolean poisoned;
			SizeExpression size;
			Optional<Long> hostMemoryLimit = Optional.empty();
			List<Algorithm> algorithms = List.of();
			int swapPriority = DeviceConfig.DEFAULT_SWAP_PRIORITY;
			SizeExpression residentLimit;
			Optional<String> writeback = Optional.empty();
			String fsType;
			Optional<String> mountPoint = Optional.empty();
			String options = DeviceConfig.DEFAULT_OPTIONS;
			Double fraction;
			Long maxSize;
			boolean maxSizeNone;

			Section(String name, int index, int line) {
				this.name = name;
				this.index = index;
				this.line = line;
			}

			void setting(String key, String value, int lineNo, int keyColumn, int col) {
				switch (key) {
				case "zram-size" -> size = expression(value, lineNo, col, key);
				case "zram-resident-limit" -> residentLimit = expression(value, lineNo, col, key);
				case "host-memory-limit", "memory-limit" -> {
					if (key.equals("memory-limit")) {
						warning(lineNo, keyColumn, key.length(), "memory-limit is obsolete: write host-memory-limit");
					}
					if (value.equals("none")) {
						hostMemoryLimit = Optional.empty();
					} else {
						Long mib = nonNegative(value, lineNo, col, key);
						if (mib != null) {
							hostMemoryLimit = Optional.of(mib);
						}
					}
				}
				case "compression-algorithm" -> algorithms(value, lineNo, col);
				case "swap-priority" -> {
					try {
						int p = Integer.parseInt(value);
						if (p < -1 || p > 32767) {
							error(lineNo, col, value.length(), "swap-priority " + p + " is out of range: -1 to 32767");
						} else {
							swapPriority = p;
						}
					} catch (NumberFormatException e) {
						error(lineNo, col, value.length(), "swap-priority must be an integer from -1 to 32767, not '" + value + "'");
					}
				}
				case "writeback-device" -> {
					if (PATH.matcher(value).matches()) {
						writeback = Optional.of(value);
					} else {
						error(lineNo, col, value.length(), "writeback-device must be the path of a block device, not '" + value + "'");
					}
				}
				case "fs-type" -> {
					if (FS_TYPE.matcher(value).matches()) {
						fsType = value;
					} else {
						error(lineNo, col, value.length(), "fs-type must be a file system type such as swap or ext2, not '" + value + "'");
					}
				}
				case "mount-point" -> {
					if (PATH.matcher(value).matches()) {
						mountPoint = Optional.of(value);
					} else {
						error(lineNo, col, value.length(), "mount-point must be an absolute path, not '" + value + "'");
					}
				}
				case "options" -> {
					if (value.isEmpty() || OPTIONS.matcher(value).matches()) {
						options = value;
					} else {
						error(lineNo, col, value.length(), "options must be a comma-separated list such as discard,nofail, not '" + value + "'");
					}
				}
				case "zram-fraction" -> {
					warning(lineNo, keyColumn, key.length(), "zram-fraction is obsolete: write zram-size = ram * " + value);
					try {
						double f = Double.parseDouble(value);
						if (f < 0 || Double.isNaN(f) || Double.isInfinite(f)) {
							error(lineNo, col, value.length(), "zram-fraction must be a nonnegative number");
						} else {
							fraction = f;
						}
					} catch (NumberFormatException e) {
						error(lineNo, col, value.length(), "zram-fraction must be a nonnegative number, not '" + value + "'");
					}
				}
				case "max-zram-size" -> {
					warning(lineNo, keyColumn, key.length(), "max-zram-size is obsolete: write zram-size = min(..., " + value + ")");
					if (value.equals("none")) {
						maxSizeNone = true;
						maxSize = null;
					} else {
						maxSize = nonNegative(value, lineNo, col, key);
						maxSizeNone = false;
					}
				}
				default -> error(lineNo, keyColumn, key.length(), "unknown key '" + key + "' (zram-generator.conf knows "
						+ "zram-size, host-memory-limit, compression-algorithm, swap-priority, zram-resident-limit, "
						+ "writeback-device, fs-type, mount-point, options)");
				}
			}

			SizeExpression expression(String value, int lineNo, int col, String key) {
				try {
					return SizeExpression.parse(value);
				} catch (ExpressionException e) {
					error(lineNo, col + Math.min(e.offset(), Math.max(0, value.length() - 1)), 1,
							"bad expression in " + key + ": " + e.getMessage());
					poisoned = true;
					return null;
				}
			}

			Long nonNegative(String value, int lineNo, int col, String key) {
				try {
					long n = Long.parseLong(value);
					if (n >= 0) {
						return n;
					}
				} catch (NumberFormatException e) {
					// reported below
				}
				error(lineNo, col, value.length(), key + " must be a nonnegative number of MiB or none, not '" + value + "'");
				return null;
			}

			void algorithms(String value, int lineNo, int col) {
				List<Algorithm> parsed = new ArrayList<>();
				int pos = 0;
				for (String token : value.split("\\s+")) {
					int at = value.indexOf(token, pos);
					pos = at + token.length();
					Matcher m = ALGORITHM_TOKEN.matcher(token);
					if (token.isEmpty()) {
						continue;
					}
					if (!m.matches()) {
						error(lineNo, col + at, token.length(), "bad compression-algorithm entry '" + token
								+ "': write name or name(param=value,...)");
						poisoned = true;
						continue;
					}
					String name = m.group(1);
					Map<String, String> params = new LinkedHashMap<>();
					if (m.group(2) != null && !m.group(2).isBlank()) {
						int paramAt = at + token.indexOf('(') + 1;
						for (String p : m.group(2).split(",")) {
							Matcher pm = PARAM.matcher(p.strip());
							int pAt = col + paramAt + m.group(2).indexOf(p);
							if (!pm.matches()) {
								error(lineNo, pAt, p.length(), "bad algorithm parameter '" + p.strip() + "': write name=value");
								poisoned = true;
							} else if (!KnownAlgorithms.PARAMETERS.contains(pm.group(1))) {
								error(lineNo, pAt, p.length(), "unknown algorithm parameter '" + pm.group(1)
										+ "' (the kernel's algorithm_params takes " + String.join(", ", KnownAlgorithms.PARAMETERS.stream().sorted().toList()) + ")");
								poisoned = true;
							} else {
								params.put(pm.group(1), pm.group(2));
							}
						}
					}
					if (name == null) {
						warning(lineNo, col + at, token.length(),
								"global recompression parameters are not deployed by Carveout (zram-generator passes them to recompress)");
						continue;
					}
					if (!KnownAlgorithms.NAMES.contains(name)) {
						error(lineNo, col + at, name.length(), "unknown compression algorithm '" + name + "' (zram knows "
								+ String.join(", ", KnownAlgorithms.NAMES.stream().sorted().toList()) + ")");
						poisoned = true;
						continue;
					}
					if (boardAlgorithms != null && !boardAlgorithms.contains(name)) {
						error(lineNo, col + at, name.length(), "compression algorithm '" + name
								+ "' is not available on this board (its comp_algorithm lists "
								+ String.join(" ", boardAlgorithms.stream().sorted().toList()) + ")");
						poisoned = true;
						continue;
					}
					if (parsed.stream().anyMatch(a -> a.name().equals(name))) {
						error(lineNo, col + at, name.length(), "compression algorithm '" + name + "' is listed twice");
						poisoned = true;
						continue;
					}
					parsed.add(new Algorithm(name, params));
				}
				algorithms = parsed;
			}

			DeviceConfig build() {
				if (poisoned) {
					return null;
				}
				SizeExpression effectiveSize = size;
				if (fraction != null || maxSize != null || maxSizeNone) {
					// The obsolete pair overrides zram-size, as zram-generator does: fraction * ram, capped.
					double f = fraction == null ? 0.5 : fraction;
					String max = maxSizeNone ? null : String.valueOf(maxSize == null ? 4096 : maxSize);
					try {
						effectiveSize = SizeExpression.parse(max == null ? "ram * " + f : "min(ram * " + f + ", " + max + ")");
					} catch (ExpressionException e) {
						throw new IllegalStateException(e);
					}
				}
				try {
					return new DeviceConfig(name, index, line,
							effectiveSize != null ? effectiveSize : SizeExpression.parse(SizeExpression.DEFAULT_ZRAM_SIZE),
							hostMemoryLimit, algorithms, swapPriority,
							residentLimit != null ? residentLimit : SizeExpression.parse("0"), writeback,
							fsType != null ? fsType : mountPoint.isPresent() ? "ext2" : "swap", mountPoint, options);
				} catch (ExpressionException e) {
					throw new IllegalStateException("the defaults are valid expressions", e);
				}
			}
		}
	}
}
