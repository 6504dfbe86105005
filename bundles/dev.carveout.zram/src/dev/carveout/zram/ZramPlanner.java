package dev.carveout.zram;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a configuration and a board's state into the exact commands of a deployment, in the order the kernel
 * requires (Documentation/admin-guide/blockdev/zram.rst): the device exists (module or hot_add), then backing_dev,
 * comp_algorithm, algorithm_params, recomp_algorithm, disksize, mem_limit, mkswap, swapon. Attributes are set only
 * on an uninitialised device, so every existing device is swapped off and reset first.
 */
public final class ZramPlanner {

	private static final long MIB = 1024L * 1024;
	/** Where the transaction keeps its files and the record of what it applied (tmpfs: gone at reboot, as zram is). */
	public static final String STATE_DIR = "/run/carveout-zram";
	public static final String APPLIED_RECORD = STATE_DIR + "/applied";

	public DeploymentPlan plan(ZramConfig config, BoardState board) throws PlanRejectedException {
		return plan(config, board, Persistence.NONE);
	}

	/** @param persistence also write the configuration where the board's boot reads it */
	public DeploymentPlan plan(ZramConfig config, BoardState board, Persistence persistence) throws PlanRejectedException {
		List<Diagnostic> errors = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		if (board.memTotalKiB() <= 0) {
			errors.add(new Diagnostic(Diagnostic.Severity.ERROR, 1, 1, 1, "the board reported no MemTotal"));
			throw new PlanRejectedException(errors);
		}
		ZramGenerator.Result generated = ZramGenerator.run(config, board.memTotalKiB(), board.cmdline(),
				v -> board.setOutputs().get(v.command()));
		if (!generated.errors().isEmpty()) {
			throw new PlanRejectedException(generated.errors());
		}
		notes.addAll(generated.notes());
		long ram = board.ramMiB();
		List<DeviceTarget> targets = new ArrayList<>();
		for (GeneratedDevice g : generated.devices()) {
			DeviceConfig d = g.config();
			if (!d.isSwap()) {
				errors.add(error(d, d.name() + " is a file system (fs-type " + d.fsType()
						+ d.mountPoint().map(m -> ", mount-point " + m).orElse("") + "): Carveout deploys zram swap only"));
				continue;
			}
			long pageSize = board.pageSize();
			if (g.disksize() > Long.MAX_VALUE - pageSize) {
				errors.add(error(d, "zram-size = " + d.size() + " is unbounded on this board (ram = " + ram
						+ "): zram-generator would create " + d.name() + " and the kernel would refuse its disksize"));
				continue;
			}
			long disksize = (g.disksize() + pageSize - 1) / pageSize * pageSize;
			List<Algorithm> algorithms = d.algorithms();
			targets.add(new DeviceTarget(d.name(), disksize, algorithms.stream().findFirst(),
					algorithms.size() > 1 ? algorithms.subList(1, algorithms.size()) : List.of(), d.swapPriority(),
					g.memLimit(), d.writebackDevice(), d.options()));
		}
		for (ZramDeviceState s : board.devices()) {
			if (s.initialized() && board.swap("/dev/" + s.name()).isEmpty()) {
				String use = board.zramMounts().contains("/dev/" + s.name()) ? "mounted as a file system"
						: "initialised but not a swap";
				errors.add(new Diagnostic(Diagnostic.Severity.ERROR, 1, 1, 1,
						s.name() + " on the board is " + use + ": Carveout will not reset a device it did not set up as swap"));
			}
		}
		Set<String> attributes = board.devices().isEmpty() ? null : board.devices().getFirst().attributes();
		for (DeviceTarget t : targets) {
			if (t.backingDevice().isPresent() && attributes != null && !attributes.contains("backing_dev")) {
				errors.add(new Diagnostic(Diagnostic.Severity.ERROR, 1, 1, 1, t.name() + ": writeback-device needs "
						+ "backing_dev, which this kernel lacks (CONFIG_ZRAM_WRITEBACK)"));
			}
		}
		errors.addAll(BootAgreement.check(config, board, persistence, generated));
		if (!errors.isEmpty()) {
			throw new PlanRejectedException(errors);
		}
		List<String> record = new ArrayList<>(targets.stream().map(ZramPlanner::recordLine).toList());
		if (persistence != Persistence.NONE) {
			record.add("persist=" + persistence.file());
		}
		if (matches(board, targets) && board.appliedRecord().equals(record)) {
			return new DeploymentPlan(board, targets, List.of(), List.of(), false, notes, true);
		}
		List<PlanStep> steps = new ArrayList<>();
		if (persistence != Persistence.NONE) {
			// Atomic and marked (.absent: there was no file), so that a rollback restores exactly what was there and
			// restores nothing if the backup itself did not complete.
			// The directory first: a board whose image has no /etc/systemd has nowhere for the .absent marker.
			String file = persistence.file();
			steps.add(change("back up " + file + " as .carveout-bak", "mkdir -p " + file.substring(0, file.lastIndexOf('/'))
					+ " && rm -f " + persistence.backup() + " "
					+ persistence.backup() + ".absent && if [ -e " + file + " ]; then cp -p " + file + " " + persistence.backup()
					+ ".tmp && mv " + persistence.backup() + ".tmp " + persistence.backup() + "; else touch " + persistence.backup()
					+ ".absent; fi"));
		}
		for (SwapEntry swap : board.zramSwaps()) {
			steps.add(change("swap off " + swap.device(), "swapoff " + swap.device()));
		}
		Set<String> targetNames = targets.stream().map(DeviceTarget::name).collect(Collectors.toSet());
		for (ZramDeviceState s : board.devices()) {
			if (s.initialized() || targetNames.contains(s.name())) {
				steps.add(change("reset " + s.name(), "/bin/echo 1 > /sys/block/" + s.name() + "/reset"));
			}
		}
		int needed = targets.stream().mapToInt(DeviceTarget::index).max().orElse(-1) + 1;
		if (needed > 0 && !board.zramLoaded()) {
			steps.add(change("load the zram module with " + needed + " device(s)", "modprobe zram num_devices=" + needed));
		} else if (needed > board.devices().size()) {
			if (!board.hotAdd()) {
				throw new PlanRejectedException(List.of(new Diagnostic(Diagnostic.Severity.ERROR, 1, 1, 1,
						"the board has " + board.devices().size() + " zram device(s) and no hot_add to create zram"
								+ (needed - 1))));
			}
			for (int i = board.devices().size(); i < needed; i++) {
				steps.add(change("create zram" + i, "cat /sys/class/zram-control/hot_add"));
			}
		}
		for (DeviceTarget t : targets) {
			steps.addAll(setup(t, attributes, notes));
		}
		for (DeviceTarget t : targets) {
			steps.addAll(verification(t, attributes));
		}
		if (persistence != Persistence.NONE) {
			String file = persistence.file();
			String dir = file.substring(0, file.lastIndexOf('/'));
			steps.add(change("write " + file, "mkdir -p " + dir + " && " + printf(Persistence.render(config)) + " > " + file));
		}
		steps.add(change("record what was applied", record(record)));

		List<DeviceTarget> previous = previousTargets(board);
		List<PlanStep> restore = new ArrayList<>();
		if (persistence != Persistence.NONE) {
			// The backup is the transaction's first step: whatever fails after it, this puts back the file as it was.
			restore.add(change("restore " + persistence.file(), "if [ -e " + persistence.backup() + " ]; then cp -p "
					+ persistence.backup() + " " + persistence.file() + "; elif [ -e " + persistence.backup() + ".absent ]; then rm -f "
					+ persistence.file() + "; fi"));
		}
		for (DeviceTarget t : previous) {
			restore.addAll(setup(t, attributes, new ArrayList<>()));
		}
		restore.add(change("restore the record", board.appliedRecord().isEmpty() ? "rm -f " + APPLIED_RECORD
				: record(board.appliedRecord())));
		return new DeploymentPlan(board, targets, steps, restore, !board.zramLoaded(), notes, false);
	}

	private static Diagnostic error(DeviceConfig d, String message) {
		return new Diagnostic(Diagnostic.Severity.ERROR, d.line(), 1, d.name().length() + 2, message);
	}

	private static PlanStep change(String title, String command) {
		return new PlanStep(PlanStep.Kind.CHANGE, title, command, null);
	}

	/**
	 * The setup of one device in the kernel's order. {@code attributes} is the kernel's attribute set, or null when no
	 * device exists yet to read it from: optional attributes are then guarded on the board.
	 */
	private static List<PlanStep> setup(DeviceTarget t, Set<String> attributes, List<String> notes) {
		List<PlanStep> steps = new ArrayList<>();
		String n = t.name();
		t.backingDevice().ifPresent(dev -> steps.add(change(n + ": writeback device", write(dev, t.sysfs("backing_dev")))));
		t.algorithm().ifPresent(a -> {
			steps.add(change(n + ": compression algorithm " + a.name(), write(a.name(), t.sysfs("comp_algorithm"))));
			if (a.hasParams()) {
				optional(steps, attributes, notes, t, "algorithm_params", n + ": parameters of " + a.name(),
						"algo=" + a.name() + " " + a.params());
			}
		});
		for (int i = 0; i < t.recompression().size(); i++) {
			Algorithm a = t.recompression().get(i);
			optional(steps, attributes, notes, t, "recomp_algorithm", n + ": recompression algorithm " + a.name(),
					"algo=" + a.name() + " priority=" + (i + 1));
			if (a.hasParams()) {
				optional(steps, attributes, notes, t, "algorithm_params", n + ": parameters of " + a.name(),
						"algo=" + a.name() + " " + a.params());
			}
		}
		steps.add(change(n + ": size", write(String.valueOf(t.disksize()), t.sysfs("disksize"))));
		if (t.memLimit() > 0) {
			steps.add(change(n + ": resident limit", write(String.valueOf(t.memLimit()), t.sysfs("mem_limit"))));
		}
		steps.add(change(n + ": format as swap", "mkswap " + t.devicePath()));
		steps.add(change(n + ": swap on", "swapon -p " + t.priority()
				+ (t.swapOptions().isEmpty() ? "" : " -o " + ShellQuote.quote(t.swapOptions())) + " " + t.devicePath()));
		return steps;
	}

	/** A step on an attribute not every kernel has: left out (with a note) if the board lacks it. */
	private static void optional(List<PlanStep> steps, Set<String> attributes, List<String> notes, DeviceTarget t,
			String attribute, String title, String value) {
		if (attributes == null) {
			steps.add(new PlanStep(PlanStep.Kind.CHANGE, title, write(value, t.sysfs(attribute)), t.sysfs(attribute)));
		} else if (attributes.contains(attribute)) {
			steps.add(change(title, write(value, t.sysfs(attribute))));
		} else {
			notes.add(t.name() + ": this kernel has no " + attribute + ", so '" + value + "' is not applied");
		}
	}

	/**
	 * /bin/echo, not the shell's builtin: the board's error then names the cause (dash says only "I/O error"). The
	 * value is quoted: it may be any text zram-generator accepts.
	 */
	private static String write(String value, String file) {
		return "/bin/echo " + ShellQuote.quote(value) + " > " + file;
	}

	private static List<PlanStep> verification(DeviceTarget t, Set<String> attributes) {
		List<PlanStep> checks = new ArrayList<>();
		String n = t.name();
		checks.add(verify(n + " is a swap with priority " + t.priority(), "grep -Eq \"^" + t.devicePath()
				+ "[[:space:]].*[[:space:]]" + t.priority() + "\\$\" /proc/swaps"));
		t.algorithm().ifPresent(a -> checks.add(verify(n + " compresses with " + a.name(),
				"grep -qF -e \"[" + a.name() + "]\" " + t.sysfs("comp_algorithm"))));
		for (Algorithm a : t.recompression()) {
			if (attributes == null || attributes.contains("recomp_algorithm")) {
				checks.add(new PlanStep(PlanStep.Kind.VERIFY, n + " recompresses with " + a.name(),
						"grep -qF -e \"[" + a.name() + "]\" " + t.sysfs("recomp_algorithm"),
						attributes == null ? t.sysfs("recomp_algorithm") : null));
			}
		}
		checks.add(verify(n + " has " + t.disksize() + " bytes", "test \"$(cat " + t.sysfs("disksize") + ")\" = " + t.disksize()));
		checks.add(verify(n + " mm_stat is readable (limit " + t.memLimit() + ")",
				"set -- $(cat " + t.sysfs("mm_stat") + ") && test \"$4\" = " + t.memLimit()));
		t.backingDevice().ifPresent(dev -> checks.add(verify(n + " writes back to " + dev,
				"test \"$(cat " + t.sysfs("backing_dev") + ")\" = " + dev)));
		return checks;
	}

	private static PlanStep verify(String title, String command) {
		return new PlanStep(PlanStep.Kind.VERIFY, title, command, null);
	}

	private static String record(List<String> lines) {
		return printf(lines) + " > " + APPLIED_RECORD;
	}

	/** A command that prints {@code lines} as they are, each one quoted. */
	static String printf(List<String> lines) {
		return "printf '%s\\n' " + lines.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
	}

	/** One line per device saying everything deployed, also what the board cannot show (parameters, options). */
	static String recordLine(DeviceTarget t) {
		return t.name() + " disksize=" + t.disksize() + " algorithm=" + t.algorithm().map(Algorithm::toString).orElse("default")
				+ " recompression=" + t.recompression().stream().map(Algorithm::toString).collect(Collectors.joining("+"))
				+ " priority=" + t.priority() + " mem_limit=" + t.memLimit() + " backing=" + t.backingDevice().orElse("none")
				+ " options=" + t.swapOptions();
	}

	/** The board is already as the targets say, as far as it shows: swaps, sizes, algorithms, limits, backing. */
	private static boolean matches(BoardState board, List<DeviceTarget> targets) {
		Set<String> active = new HashSet<>(board.zramSwaps().stream().map(SwapEntry::device).toList());
		if (!active.equals(targets.stream().map(DeviceTarget::devicePath).collect(Collectors.toSet()))) {
			return false;
		}
		for (DeviceTarget t : targets) {
			Optional<ZramDeviceState> d = board.device(t.name());
			Optional<SwapEntry> swap = board.swap(t.devicePath());
			if (d.isEmpty() || swap.isEmpty() || swap.get().priority() != t.priority()
					|| d.get().disksize() != t.disksize() || d.get().memLimit() != t.memLimit()
					|| !d.get().backingDevice().equals(t.backingDevice())
					|| t.algorithm().isPresent() && !t.algorithm().get().name().equals(d.get().selectedAlgorithm())
					|| d.get().has("recomp_algorithm") && !d.get().recompression()
							.equals(t.recompression().stream().map(Algorithm::name).toList())) {
				return false;
			}
		}
		return true;
	}

	/** The zram swaps the board has now, as targets a rollback can rebuild. */
	private static List<DeviceTarget> previousTargets(BoardState board) {
		List<DeviceTarget> previous = new ArrayList<>();
		for (SwapEntry swap : board.zramSwaps()) {
			String name = swap.device().substring("/dev/".length());
			board.device(name).ifPresent(d -> previous.add(new DeviceTarget(name, d.disksize(),
					d.selectedAlgorithm().isEmpty() ? Optional.empty() : Optional.of(new Algorithm(d.selectedAlgorithm(), "")),
					d.recompression().stream().map(a -> new Algorithm(a, "")).toList(), swap.priority(),
					d.memLimit(), d.backingDevice(), "")));
		}
		return previous;
	}
}
