package dev.carveout.zram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What zram-generator creates from a configuration set on one board (its {@code read_all_devices}): the kernel command
 * line first ({@code systemd.zram=0} creates nothing, whatever the files say; {@code systemd.zram} or {@code =1} adds
 * a default zram0), then the configuration's errors, then
 * the {@code set!} variables in reading order, then each device's sizes with {@code ram} as MemTotal in whole MiB. A
 * device over its host-memory-limit or of size 0 is not created; a size that is not a number ≥ 0 fails the whole
 * generator, as there.
 */
public final class ZramGenerator {

	private static final double MIB = 1024.0 * 1024;

	/**
	 * @param devices  what zram-generator creates
	 * @param notes    devices it leaves out and why
	 * @param errors   why it fails (then it creates nothing)
	 */
	public record Result(List<GeneratedDevice> devices, List<String> notes, List<Diagnostic> errors) {
	}

	private ZramGenerator() {
	}

	/** {@code ram}: MemTotal in whole MiB, as zram-generator truncates it. */
	public static long ramMiB(long memTotalKiB) {
		return memTotalKiB / 1024;
	}

	/**
	 * What {@code systemd.zram} on a kernel command line says: the last recognised word wins; empty when none.
	 */
	public static Optional<Boolean> kernelOption(String cmdline) {
		String[] words = cmdline == null ? new String[0] : cmdline.strip().split("\\s+");
		for (int i = words.length - 1; i >= 0; i--) {
			if (!words[i].startsWith("systemd.zram")) {
				continue;
			}
			switch (words[i].substring("systemd.zram".length())) {
			case "", "=1", "=yes", "=true", "=on" -> {
				return Optional.of(true);
			}
			case "=0", "=no", "=false", "=off" -> {
				return Optional.of(false);
			}
			default -> {
				// another option that starts alike (systemd.zramX): not this one
			}
			}
		}
		return Optional.empty();
	}

	/**
	 * @param setOutput what each {@code set!} command prints on the board, or null when it was not run
	 */
	public static Result run(ZramConfig config, long memTotalKiB, String cmdline, Function<SetVariable, String> setOutput) {
		List<String> notes = new ArrayList<>();
		List<Diagnostic> errors = new ArrayList<>();
		Optional<Boolean> kernel = kernelOption(cmdline);
		if (kernel.equals(Optional.of(false))) {
			// Before the files are even read: a broken configuration does not matter then.
			notes.add("systemd.zram=0 on the kernel command line: zram-generator creates no device");
			return new Result(List.of(), notes, errors);
		}
		if (config.hasErrors()) {
			return new Result(List.of(), notes, config.errors());
		}
		long ram = ramMiB(memTotalKiB);
		Map<String, Double> variables = new HashMap<>();
		for (SetVariable v : config.variables()) {
			String output = setOutput.apply(v);
			if (output == null) {
				errors.add(new Diagnostic(Diagnostic.Severity.ERROR, v.line(), 1, v.name().length() + 4,
						"set!" + v.name() + ": the command was not run on the board", v.file()));
				continue;
			}
			try {
				variables.put(v.name(), SizeExpression.parse(output).evaluate(ram, variables));
			} catch (ExpressionException e) {
				errors.add(new Diagnostic(Diagnostic.Severity.ERROR, v.line(), 1, v.name().length() + 4,
						"set!" + v.name() + ": " + v.command() + ": '" + output.strip() + "' is not a size: " + e.getMessage(),
						v.file()));
			}
		}
		List<DeviceConfig> configs = new ArrayList<>(config.devices());
		if (kernel.isPresent() && configs.stream().noneMatch(d -> d.index() == 0)) {
			configs.addFirst(defaultZram0(config.version()));
			notes.add("systemd.zram on the kernel command line adds zram0 with the defaults");
		}
		List<GeneratedDevice> devices = new ArrayList<>();
		for (DeviceConfig d : configs) {
			if (d.hostMemoryLimitMiB().isPresent() && Long.compareUnsigned(d.hostMemoryLimitMiB().get(), ram) < 0) {
				notes.add(d.name() + " is not created: MemTotal " + ram + " MiB is above host-memory-limit "
						+ d.hostMemoryLimitMiB().get() + " MiB");
				continue;
			}
			try {
				long disksize = bytes(d, d.size(), "zram-size", ram, variables);
				long memLimit = bytes(d, d.residentLimit(), "zram-resident-limit", ram, variables);
				if (disksize == 0) {
					notes.add(d.name() + " is not created: zram-size = " + d.size() + " is 0 on this board (ram = " + ram + ")");
				} else {
					devices.add(new GeneratedDevice(d, disksize, memLimit));
				}
			} catch (ExpressionException e) {
				errors.add(new Diagnostic(Diagnostic.Severity.ERROR, d.line(), 1, d.name().length() + 2, e.getMessage(), d.file()));
			}
		}
		return new Result(errors.isEmpty() ? devices : List.of(), notes, errors);
	}

	/** MiB to bytes as zram-generator casts them: truncated, saturating; NaN or below 0 is its error. */
	private static long bytes(DeviceConfig d, SizeExpression size, String key, long ram, Map<String, Double> variables)
			throws ExpressionException {
		double mib;
		try {
			mib = size.evaluate(ram, variables);
		} catch (ExpressionException e) {
			throw new ExpressionException(e.offset(), d.name() + " " + key + " = " + size + ": " + e.getMessage());
		}
		if (!(mib >= 0)) {
			throw new ExpressionException(0, d.name() + ": " + key + "=" + (Double.isNaN(mib) ? "NaN" : mib) + " < 0 (" + key
					+ " = " + size + ", ram = " + ram + ")");
		}
		return (long) (mib * MIB);
	}

	private static DeviceConfig defaultZram0(GeneratorVersion version) {
		return new ZramConfigParser(null, version).parse("[zram0]\n").devices().getFirst();
	}
}
