package dev.carveout.zram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a configuration set in zram-generator.conf(5) format as the given zram-generator release does: the files in
 * its order ({@link ConfigSet}), {@code [zramN]} sections merged across them (later keys win), top-level
 * {@code set!} variables, each key with that release's parsing and defaults. A {@link Diagnostic} at file, line and
 * column says what zram-generator would refuse (an error: zram-generator then creates no device at all) or ignore (a
 * warning), with zram-generator's reason.
 * <p>
 * Nothing is refused for being hard to pass to a shell: the values that reach a command on the board are quoted
 * ({@link ShellQuote}). Carveout is stricter than zram-generator in one place: an algorithm the board's kernel does
 * not list is an error before anything changes, where zram-generator would warn at boot and keep the kernel's default.
 */
public final class ZramConfigParser {

	/** Where a single file is read from when it is not part of a set. */
	public static final String MAIN_FILE = "/etc/" + ConfigSet.MAIN;

	private static final Pattern SECTION = Pattern.compile("\\[([^\\]]*)\\]\\s*");
	private static final Pattern DEVICE = Pattern.compile("zram(0|[1-9][0-9]{0,3})");
	/** Rust's u64/i32 parsing: an optional sign and decimal digits. */
	private static final Pattern UNSIGNED = Pattern.compile("\\+?[0-9]+");
	private static final Pattern SIGNED = Pattern.compile("[+-]?[0-9]+");
	private static final Pattern FLOAT = Pattern.compile("[+-]?(inf|infinity|nan|([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?)",
			Pattern.CASE_INSENSITIVE);

	private final Set<String> boardAlgorithms;
	private final GeneratorVersion version;

	/** The newest zram-generator's semantics; algorithms checked against the kernel's list only. */
	public ZramConfigParser() {
		this(null);
	}

	/**
	 * @param boardAlgorithms the algorithms the board's comp_algorithm lists, or null when the board is not known
	 */
	public ZramConfigParser(Set<String> boardAlgorithms) {
		this(boardAlgorithms, GeneratorVersion.NEWEST);
	}

	public ZramConfigParser(Set<String> boardAlgorithms, GeneratorVersion version) {
		this.boardAlgorithms = boardAlgorithms == null ? null : Set.copyOf(boardAlgorithms);
		this.version = version;
	}

	/** One file, read as {@code /etc/systemd/zram-generator.conf}; its diagnostics name no file. */
	public ZramConfig parse(String text) {
		return new Run().parse(List.of(new ConfigFile(MAIN_FILE, text)), true);
	}

	/** A configuration set: the files zram-generator reads (others are left out), at their board paths. */
	public ZramConfig parse(List<ConfigFile> files) {
		return new Run().parse(ConfigSet.order(files), false);
	}

	/** One parse: the diagnostics, the variables and the devices seen so far. */
	private final class Run {
		private final List<Diagnostic> diagnostics = new ArrayList<>();
		private final List<SetVariable> variables = new ArrayList<>();
		private final Map<Integer, Device> devices = new TreeMap<>();
		private String file = "";

		ZramConfig parse(List<ConfigFile> files, boolean single) {
			for (ConfigFile f : files) {
				file = single ? "" : f.path();
				read(f.text());
			}
			List<DeviceConfig> built = devices.values().stream().map(Device::build).toList();
			List<String> order = files.stream().map(f -> single ? "" : f.path()).toList();
			diagnostics.sort(Comparator.<Diagnostic>comparingInt(d -> order.indexOf(d.file())).thenComparingInt(Diagnostic::line)
					.thenComparingInt(Diagnostic::column));
			return new ZramConfig(built, variables, files, version, diagnostics);
		}

		private void read(String text) {
			Device current = null;
			boolean ignoredSection = false;
			String[] lines = text.split("\r?\n", -1);
			for (int i = 0; i < lines.length; i++) {
				int lineNo = i + 1;
				String raw = lines[i];
				String line = raw.strip();
				int indent = line.isEmpty() ? 0 : raw.indexOf(line.charAt(0));
				if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
					continue;
				}
				Matcher section = SECTION.matcher(line);
				if (section.matches()) {
					String name = section.group(1).strip();
					Matcher device = DEVICE.matcher(name);
					if (device.matches()) {
						int index = Integer.parseInt(device.group(1));
						current = devices.computeIfAbsent(index, k -> new Device(name, k, lineNo, file));
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
				String value = unquote(line.substring(eq + 1).strip());
				int valueColumn = raw.indexOf('=') + 2 + leadingSpace(line.substring(eq + 1));
				int keyColumn = indent + 1;
				if (current == null) {
					if (!ignoredSection) {
						topLevel(key, value, lineNo, keyColumn);
					}
					continue;
				}
				current.setting(key, value, lineNo, keyColumn, valueColumn);
			}
		}

		private void topLevel(String key, String value, int lineNo, int keyColumn) {
			if (version.setVariables() && key.startsWith("set!") && key.length() > 4) {
				variables.add(new SetVariable(key.substring(4), value, file, lineNo));
			} else if (key.startsWith("set!")) {
				warning(lineNo, keyColumn, key.length(), version + " has no set! variables: '" + key + "' is ignored (they "
						+ "came with " + GeneratorVersion.V1_2_0.name() + ")");
			} else {
				warning(lineNo, keyColumn, key.length(), "'" + key + "' is outside a [zramN] section and is ignored");
			}
		}

		/** rust-ini, which zram-generator reads with, drops the quotes around a whole value. */
		private static String unquote(String value) {
			if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
					|| value.startsWith("'") && value.endsWith("'"))) {
				return value.substring(1, value.length() - 1);
			}
			return value;
		}

		private static int leadingSpace(String s) {
			int n = 0;
			while (n < s.length() && Character.isWhitespace(s.charAt(n))) {
				n++;
			}
			return n;
		}

		void error(int line, int column, int length, String message) {
			diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, line, column, Math.max(1, length), message, file));
		}

		void warning(int line, int column, int length, String message) {
			diagnostics.add(new Diagnostic(Diagnostic.Severity.WARNING, line, column, Math.max(1, length), message, file));
		}

		/** The settings of one [zramN] across the set (several headers for the same device merge, later keys win). */
		private final class Device {
			final String name;
			final int index;
			final int line;
			final String headerFile;
			SizeExpression size;
			Optional<Long> hostMemoryLimit = Optional.empty();
			List<Algorithm> algorithms = List.of();
			String recompressionParams = "";
			int swapPriority = DeviceConfig.DEFAULT_SWAP_PRIORITY;
			SizeExpression residentLimit;
			Optional<String> writeback = Optional.empty();
			String fsType;
			Optional<String> mountPoint = Optional.empty();
			String options = DeviceConfig.DEFAULT_OPTIONS;
			Double fraction;
			Optional<Long> maxSize;

			Device(String name, int index, int line, String headerFile) {
				this.name = name;
				this.index = index;
				this.line = line;
				this.headerFile = headerFile;
			}

			void setting(String key, String value, int lineNo, int keyColumn, int col) {
				if (!version.keys().contains(key)) {
					warning(lineNo, keyColumn, key.length(), name + ": unknown key '" + key + "', ignored by " + version
							+ " (it knows " + version.keys().stream().sorted().collect(Collectors.joining(", ")) + ")");
					return;
				}
				switch (key) {
				case "zram-size" -> size = expression(value, lineNo, col, key);
				case "zram-resident-limit" -> residentLimit = expression(value, lineNo, col, key);
				case "host-memory-limit", "memory-limit" -> {
					if (key.equals("memory-limit")) {
						warning(lineNo, keyColumn, key.length(), "memory-limit is obsolete: write host-memory-limit");
					}
					optionalSize(value, lineNo, col).ifPresent(limit -> hostMemoryLimit = limit);
				}
				case "compression-algorithm" -> algorithms(value, lineNo, col);
				case "swap-priority" -> {
					Long p = SIGNED.matcher(value).matches() && value.length() <= 11 ? Long.valueOf(value) : null;
					if (p == null || p != p.intValue()) {
						error(lineNo, col, value.length(), "Failed to parse priority \"" + value + "\"");
					} else if (p < -1 || p > 32767) {
						error(lineNo, col, value.length(), "Swap priority " + p + " out of range (-1 to 32767)");
					} else {
						swapPriority = p.intValue();
					}
				}
				case "writeback-device" -> path(key, value, lineNo, col).ifPresent(p -> writeback = Optional.of(p));
				case "mount-point" -> path(key, value, lineNo, col).ifPresent(p -> mountPoint = Optional.of(p));
				case "fs-type" -> fsType = value;
				case "options" -> options = value;
				case "zram-fraction" -> {
					warning(lineNo, keyColumn, key.length(), "zram-fraction is obsolete: write zram-size = ram * " + value);
					if (!FLOAT.matcher(value).matches()) {
						error(lineNo, col, value.length(), "Failed to parse zram-fraction \"" + value + "\"");
					} else {
						double f = Double.parseDouble(value.toLowerCase().replace("infinity", "inf").replace("inf", "Infinity")
								.replace("nan", "NaN"));
						if (f >= 0) {
							fraction = f;
						} else {
							error(lineNo, col, value.length(), name + ": zram-fraction=" + value + " < 0");
						}
					}
				}
				case "max-zram-size" -> {
					warning(lineNo, keyColumn, key.length(), "max-zram-size is obsolete: write zram-size = min(..., " + value + ")");
					optionalSize(value, lineNo, col).ifPresent(max -> maxSize = max);
				}
				default -> throw new IllegalStateException("a known key without a rule: " + key);
				}
			}

			SizeExpression expression(String value, int lineNo, int col, String key) {
				try {
					return SizeExpression.parse(value);
				} catch (ExpressionException e) {
					error(lineNo, col + Math.min(e.offset(), Math.max(0, value.length() - 1)), 1,
							"bad expression in " + key + ": " + e.getMessage());
					return null;
				}
			}

			/** A number of MiB or {@code none}; empty when it is neither (an error). */
			Optional<Optional<Long>> optionalSize(String value, int lineNo, int col) {
				if (value.equals("none")) {
					return Optional.of(Optional.empty());
				}
				if (UNSIGNED.matcher(value).matches()) {
					try {
						return Optional.of(Optional.of(Long.parseUnsignedLong(value.replace("+", ""))));
					} catch (NumberFormatException e) {
						// too large for u64: reported below
					}
				}
				error(lineNo, col, value.length(), "Failed to parse optional size \"" + value + "\" (a number of MiB or none)");
				return Optional.empty();
			}

			/** zram-generator's verify_mount_point: absolute, no "..", "." and repeated slashes normalised away. */
			Optional<String> path(String key, String value, int lineNo, int col) {
				if (!value.startsWith("/")) {
					error(lineNo, col, value.length(), key + " " + value + " is not absolute");
					return Optional.empty();
				}
				List<String> parts = Arrays.stream(value.split("/")).filter(p -> !p.isEmpty() && !p.equals(".")).toList();
				if (parts.contains("..")) {
					error(lineNo, col, value.length(), key + " \"" + value + "\" is not normalized");
					return Optional.empty();
				}
				return Optional.of("/" + String.join("/", parts));
			}

			void algorithms(String value, int lineNo, int col) {
				if (!version.algorithmList()) {
					if (value.matches(".*[\\s()].*")) {
						warning(lineNo, col, value.length(), version + " writes the whole value to comp_algorithm: the "
								+ "kernel refuses '" + value + "' and keeps its default algorithm (lists and parameters "
								+ "came with " + GeneratorVersion.V1_2_0.name() + ")");
						algorithms = List.of();
						return;
					}
					algorithms = known(value, lineNo, col) ? List.of(new Algorithm(value, "")) : List.of();
					return;
				}
				List<Algorithm> parsed = new ArrayList<>();
				recompressionParams = "";
				int pos = 0;
				for (String token : value.split("\\s+")) {
					if (token.isEmpty()) {
						continue;
					}
					int at = value.indexOf(token, pos);
					pos = at + token.length();
					int paren = token.indexOf('(');
					String algorithm = paren < 0 ? token : token.substring(0, paren);
					String params = paren < 0 ? "" : token.substring(paren + 1);
					if (params.endsWith(")")) {
						params = params.substring(0, params.length() - 1);
					}
					params = params.replace(',', ' ');
					if (algorithm.isEmpty()) {
						recompressionParams = params;
						warning(lineNo, col + at, token.length(), "the global recompression parameters (" + params
								+ ") are for recompress, which Carveout does not run: not deployed");
					} else if (parsed.stream().anyMatch(a -> a.name().equals(algorithm))) {
						error(lineNo, col + at, algorithm.length(), "compression algorithm '" + algorithm + "' is listed twice");
					} else if (known(algorithm, lineNo, col + at)) {
						parsed.add(new Algorithm(algorithm, params));
					}
				}
				algorithms = parsed;
			}

			/**
			 * A name the kernel cannot know is only a warning, as in zram-generator (the kernel keeps its default); one
			 * the board lacks is an error, Carveout's own check.
			 */
			boolean known(String algorithm, int lineNo, int col) {
				if (!KnownAlgorithms.NAMES.contains(algorithm)) {
					warning(lineNo, col, algorithm.length(), "unknown compression algorithm '" + algorithm + "' (zram knows "
							+ String.join(", ", KnownAlgorithms.NAMES.stream().sorted().toList())
							+ "): the kernel will refuse it and keep its default");
					return false;
				}
				if (boardAlgorithms != null && !boardAlgorithms.contains(algorithm)) {
					error(lineNo, col, algorithm.length(), "compression algorithm '" + algorithm
							+ "' is not available on this board (its comp_algorithm lists "
							+ String.join(" ", boardAlgorithms.stream().sorted().toList()) + ")");
					return false;
				}
				return true;
			}

			DeviceConfig build() {
				SizeExpression effectiveSize = size;
				if (fraction != null || maxSize != null) {
					// The obsolete pair overrides zram-size: int(fraction * ram), capped only by max-zram-size if given.
					double f = fraction == null ? 0.5 : fraction;
					String product = "int(" + (Double.isInfinite(f) ? "1e999" : Double.toString(f)) + " * ram)";
					Optional<Long> max = maxSize == null ? Optional.empty() : maxSize;
					effectiveSize = parsed(max.map(m -> "min(" + product + ", " + m + ")").orElse(product));
				}
				return new DeviceConfig(name, index, line, headerFile,
						effectiveSize != null ? effectiveSize : parsed(SizeExpression.DEFAULT_ZRAM_SIZE), hostMemoryLimit,
						algorithms, recompressionParams, swapPriority, residentLimit != null ? residentLimit : parsed("0"),
						writeback, fsType != null ? fsType : mountPoint.isPresent() ? "ext2" : "swap", mountPoint, options);
			}

			private static SizeExpression parsed(String expression) {
				try {
					return SizeExpression.parse(expression);
				} catch (ExpressionException e) {
					throw new IllegalStateException("Carveout's own expressions are valid: " + expression, e);
				}
			}
		}
	}
}
