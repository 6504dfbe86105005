package dev.carveout.target.heaps;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the running kernel sizes its default CMA area when the device tree has no {@code linux,cma-default} pool,
 * and which heaps it builds: the {@code cma=} boot parameter (kernel/dma/contiguous.c, early_cma) and the
 * kernel's configuration from /proc/config.gz (CONFIG_IKCONFIG_PROC). Either may be absent; then what depends
 * on it is unknown, never guessed.
 *
 * @param cmdlineCmaBytes the size of {@code cma=}, when given (0 disables the default area)
 * @param config          CONFIG_ symbols to their values ("y", "m", "32", ...); empty when the board does not
 *                        publish its configuration
 */
public record KernelCmaConfig(Optional<Long> cmdlineCmaBytes, Map<String, String> config) {

	private static final Pattern CMA_PARAM = Pattern.compile("(?:^|\\s)cma=(\\S+)");
	private static final Pattern MEMPARSE = Pattern.compile("(0[xX][0-9a-fA-F]+|\\d+)([kKmMgGtTpPeE]?)");
	private static final Pattern SYMBOL = Pattern.compile("^(CONFIG_\\w+)=(.*)$");
	private static final Pattern NOT_SET = Pattern.compile("^# (CONFIG_\\w+) is not set$");

	public KernelCmaConfig {
		config = Map.copyOf(config);
	}

	/**
	 * @param cmdline    /proc/cmdline
	 * @param configText the text of /proc/config.gz, or null when the board has none
	 */
	public static KernelCmaConfig of(String cmdline, String configText) {
		Optional<Long> cma = Optional.empty();
		Matcher m = CMA_PARAM.matcher(cmdline == null ? "" : cmdline);
		while (m.find()) { // early_param runs once per occurrence: the last one wins
			cma = memparse(m.group(1));
		}
		Map<String, String> config = new HashMap<>();
		if (configText != null) {
			for (String line : configText.split("\n")) {
				Matcher set = SYMBOL.matcher(line.strip());
				Matcher unset = NOT_SET.matcher(line.strip());
				if (set.matches()) {
					config.put(set.group(1), set.group(2).replace("\"", ""));
				} else if (unset.matches()) {
					config.put(unset.group(1), "n");
				}
			}
		}
		return new KernelCmaConfig(cma, config);
	}

	public boolean configKnown() {
		return !config.isEmpty();
	}

	/** y, m or n; empty when the configuration is unknown. */
	public Optional<String> symbol(String name) {
		if (!configKnown()) {
			return Optional.empty();
		}
		return Optional.of(config.getOrDefault(name, "n"));
	}

	/** True or false when the configuration is known; {@code assumed} (the Kconfig default) when it is not. */
	public boolean enabled(String name, boolean assumed) {
		return symbol(name).map(v -> v.equals("y") || v.equals("m")).orElse(assumed);
	}

	/**
	 * The default area dma_contiguous_reserve() makes without cma= and without a device-tree default: Kconfig's
	 * size in bytes when the kernel selects it by MBYTES (0: none); empty when it depends on the RAM size
	 * (PERCENTAGE, MIN, MAX) or the configuration is unknown.
	 */
	public Optional<Long> kconfigDefaultCmaBytes() {
		if (!configKnown()) {
			return Optional.empty();
		}
		if (!enabled("CONFIG_DMA_CMA", false)) {
			return Optional.of(0L);
		}
		if (enabled("CONFIG_CMA_SIZE_SEL_MBYTES", false)) {
			try {
				return Optional.of(Long.parseLong(config.getOrDefault("CONFIG_CMA_SIZE_MBYTES", "0")) << 20);
			} catch (NumberFormatException e) {
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	/** The kernel's memparse(): a number (decimal or 0x hex) with an optional K/M/G/T/P/E suffix. */
	static Optional<Long> memparse(String text) {
		Matcher m = MEMPARSE.matcher(text);
		if (!m.lookingAt()) {
			return Optional.empty();
		}
		String digits = m.group(1);
		long value = digits.startsWith("0x") || digits.startsWith("0X") ? Long.parseUnsignedLong(digits.substring(2), 16)
				: Long.parseLong(digits);
		int shift = switch (m.group(2).toUpperCase(java.util.Locale.ROOT)) {
			case "K" -> 10;
			case "M" -> 20;
			case "G" -> 30;
			case "T" -> 40;
			case "P" -> 50;
			case "E" -> 60;
			default -> 0;
		};
		return Optional.of(value << shift);
	}
}
