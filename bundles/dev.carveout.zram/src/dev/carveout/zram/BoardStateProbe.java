package dev.carveout.zram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One read-only shell command that prints everything the planner needs, and the parser of its output. One command
 * rather than many: a board over a slow link answers one round trip in the time of one.
 */
public final class BoardStateProbe {

	/** POSIX sh; changes nothing on the board. Every line it prints starts with a tag the parser knows. */
	public static final String COMMAND = String.join("\n",
			"echo \"@release $(uname -r)\"",
			"grep '^MemTotal:' /proc/meminfo | while read -r k v u; do echo \"@memtotal $v\"; done",
			"[ -d /sys/module/zram ] || [ -d /sys/class/zram-control ] && echo @loaded",
			"[ -e /sys/class/zram-control/hot_add ] && echo @hot_add",
			"for d in /sys/block/zram*; do",
			"  [ -d \"$d\" ] || continue",
			"  echo \"@device ${d##*/}\"",
			"  for a in \"$d\"/*; do echo \"@attr ${a##*/}\"; done",
			"  [ -r \"$d/comp_algorithm\" ] && echo \"@comp $(cat \"$d/comp_algorithm\")\"",
			"  [ -r \"$d/recomp_algorithm\" ] && while read -r l; do echo \"@recomp $l\"; done < \"$d/recomp_algorithm\"",
			"  echo \"@disksize $(cat \"$d/disksize\")\"",
			"  [ -r \"$d/backing_dev\" ] && echo \"@backing $(cat \"$d/backing_dev\")\"",
			"  [ -r \"$d/mm_stat\" ] && echo \"@mm_stat $(cat \"$d/mm_stat\")\"",
			"done",
			"while read -r l; do echo \"@swap $l\"; done < /proc/swaps",
			"while read -r dev mnt rest; do case \"$dev\" in /dev/zram*) echo \"@mount $dev\";; esac; done < /proc/mounts",
			// Small userlands lack getconf: 4096 is assumed then, and a board with larger pages fails the disksize check
			// and is rolled back rather than left half set up.
			"echo \"@pagesize $(getconf PAGESIZE 2>/dev/null)\"",
			"echo \"@cmdline $(cat /proc/cmdline 2>/dev/null)\"",
			"for g in /usr/lib/systemd/system-generators/zram-generator /lib/systemd/system-generators/zram-generator; do",
			"  [ -x \"$g\" ] && { echo \"@zramgen $(\"$g\" --version 2>/dev/null)\"; break; }",
			"done",
			"[ -r /run/carveout-zram/applied ] && while read -r l; do echo \"@applied $l\"; done < /run/carveout-zram/applied",
			// The files zram-generator reads at boot, as they are: a persisted deployment must agree with them (printf,
			// not echo: dash's echo would interpret backslashes). A link to /dev/null (a mask) reads as empty.
			"for f in " + configFilePatterns() + "; do",
			"  [ -e \"$f\" ] || continue",
			"  echo \"@conffile $f\"",
			"  while IFS= read -r l || [ -n \"$l\" ]; do printf '@confline %s\\n' \"$l\"; done < \"$f\"",
			"done",
			"true");

	private BoardStateProbe() {
	}

	/** Every main file and drop-in zram-generator reads, as shell globs, lowest precedence first. */
	private static String configFilePatterns() {
		StringBuilder s = new StringBuilder();
		for (String base : ConfigSet.BASE_DIRECTORIES) {
			s.append(base).append('/').append(ConfigSet.MAIN).append(' ');
		}
		for (String base : ConfigSet.BASE_DIRECTORIES) {
			s.append(base).append('/').append(ConfigSet.DROP_INS).append("/*.conf ");
		}
		return s.toString().strip();
	}

	/**
	 * Runs the configuration's {@code set!} commands on the board as zram-generator does at boot ({@code /bin/sh -c},
	 * stdin from /dev/null) and prints what each printed, on one line: {@code @set N output}.
	 */
	public static String setCommands(List<SetVariable> variables) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < variables.size(); i++) {
			s.append("echo \"@set ").append(i).append(" $(/bin/sh -c -- ").append(ShellQuote.quote(variables.get(i).command()))
					.append(" </dev/null | tr '\\n' ' ')\"\n");
		}
		return s.append("true").toString();
	}

	/** The output of {@link #setCommands}, by command. */
	public static Map<String, String> parseSetOutputs(List<SetVariable> variables, String output) {
		Map<String, String> outputs = new HashMap<>();
		for (String line : output.split("\n")) {
			String[] f = line.split(" ", 3);
			if (f.length >= 2 && f[0].equals("@set") && f[1].matches("[0-9]+") && Integer.parseInt(f[1]) < variables.size()) {
				outputs.put(variables.get(Integer.parseInt(f[1])).command(), f.length > 2 ? f[2] : "");
			}
		}
		return outputs;
	}

	public static BoardState parse(String output) {
		String release = "";
		long memTotal = 0;
		boolean loaded = false;
		boolean hotAdd = false;
		List<ZramDeviceState> devices = new ArrayList<>();
		List<SwapEntry> swaps = new ArrayList<>();
		Set<String> mounts = new HashSet<>();
		long pageSize = 4096;
		List<String> applied = new ArrayList<>();
		String cmdline = "";
		String generator = "";
		List<String[]> configFiles = new ArrayList<>();
		DeviceBuilder device = null;
		for (String line : output.split("\n")) {
			String tag = line.contains(" ") ? line.substring(0, line.indexOf(' ')) : line.strip();
			String rest = line.contains(" ") ? line.substring(line.indexOf(' ') + 1).strip() : "";
			switch (tag) {
			case "@release" -> release = rest;
			case "@memtotal" -> memTotal = Long.parseLong(rest);
			case "@loaded" -> loaded = true;
			case "@hot_add" -> hotAdd = true;
			case "@device" -> {
				if (device != null) {
					devices.add(device.build());
				}
				device = new DeviceBuilder(rest);
			}
			case "@attr" -> device.attributes.add(rest);
			case "@comp" -> {
				for (String a : rest.split("\\s+")) {
					if (a.startsWith("[") && a.endsWith("]")) {
						a = a.substring(1, a.length() - 1);
						device.selected = a;
					}
					if (!a.isEmpty()) {
						device.algorithms.add(a);
					}
				}
			}
			case "@recomp" -> {
				// "#1: lzo lzo-rle [zstd] 842": the selected one per priority.
				for (String a : rest.split("\\s+")) {
					if (a.startsWith("[") && a.endsWith("]")) {
						device.recompression.add(a.substring(1, a.length() - 1));
					}
				}
			}
			case "@disksize" -> device.disksize = Long.parseLong(rest);
			case "@backing" -> device.backing = rest.equals("none") || rest.isEmpty() ? null : rest;
			case "@mm_stat" -> {
				String[] f = rest.split("\\s+");
				device.memLimit = f.length > 3 ? Long.parseLong(f[3]) : 0;
			}
			case "@swap" -> {
				String[] f = rest.split("\\s+");
				if (f.length >= 5 && !f[0].equals("Filename")) {
					swaps.add(new SwapEntry(f[0], f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), Integer.parseInt(f[4])));
				}
			}
			case "@mount" -> mounts.add(rest);
			case "@pagesize" -> {
				if (rest.matches("[0-9]+")) {
					pageSize = Long.parseLong(rest);
				}
			}
			case "@applied" -> applied.add(rest);
			case "@cmdline" -> cmdline = rest;
			case "@zramgen" -> generator = rest;
			case "@conffile" -> configFiles.add(new String[] { rest, "" });
			case "@confline" -> {
				if (!configFiles.isEmpty()) {
					// The line as the file has it: only the tag and its one space are taken off.
					String text = line.length() > tag.length() ? line.substring(tag.length() + 1) : "";
					configFiles.getLast()[1] += text + "\n";
				}
			}
			default -> {
				// stderr noise or a line this version does not know: the tags above carry all that is used
			}
			}
		}
		if (device != null) {
			devices.add(device.build());
		}
		devices.sort((a, b) -> Integer.compare(a.index(), b.index()));
		return new BoardState(release, memTotal, loaded, hotAdd, devices, swaps, mounts, pageSize, applied, cmdline,
				generator, configFiles.stream().map(f -> new ConfigFile(f[0], f[1])).toList(), Map.of());
	}

	private static final class DeviceBuilder {
		final String name;
		final Set<String> attributes = new HashSet<>();
		final List<String> algorithms = new ArrayList<>();
		final List<String> recompression = new ArrayList<>();
		String selected = "";
		long disksize;
		long memLimit;
		String backing;

		DeviceBuilder(String name) {
			this.name = name;
		}

		ZramDeviceState build() {
			return new ZramDeviceState(name, attributes, algorithms, selected, recompression, disksize, memLimit,
					Optional.ofNullable(backing));
		}
	}
}
