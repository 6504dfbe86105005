package dev.carveout.target.tests.zram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.carveout.zram.ConfigFile;
import dev.carveout.zram.GeneratedDevice;
import dev.carveout.zram.GeneratorVersion;
import dev.carveout.zram.ZramConfig;
import dev.carveout.zram.ZramConfigParser;
import dev.carveout.zram.ZramGenerator;

/**
 * The build machine's own zram-generator (Debian's {@code systemd-zram-generator}) run in its generator mode on a
 * fake root, and the same fake root through Carveout's model, both reduced to what generator mode shows: whether it
 * fails, and the units it writes (swap units with priority and options, mount units with mount point and options).
 */
final class ZramGeneratorOracle {

	/** Where Debian installs it (merged /usr or not). */
	private static final List<Path> LOCATIONS = List.of(Path.of("/usr/lib/systemd/system-generators/zram-generator"),
			Path.of("/lib/systemd/system-generators/zram-generator"));

	/** A fake root: the configuration files at their board paths, MemTotal and the kernel command line. */
	record Root(String name, List<ConfigFile> files, long memTotalKiB, String cmdline) {
	}

	/** What generator mode shows: "fails", or one line per unit, sorted. */
	record Outcome(boolean fails, List<String> units) {
		@Override
		public String toString() {
			return fails ? "fails" : units.toString();
		}
	}

	private final Path executable;
	private final GeneratorVersion version;

	private ZramGeneratorOracle(Path executable, GeneratorVersion version) {
		this.executable = executable;
		this.version = version;
	}

	/** The installed generator, or an error that says how to install it (the differential test is never skipped). */
	static ZramGeneratorOracle installed() throws IOException, InterruptedException {
		Path executable = LOCATIONS.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new AssertionError(
				"zram-generator is not installed on this machine: apt-get install systemd-zram-generator "
						+ "(./carveout installs it)"));
		Process p = new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		p.waitFor(10, TimeUnit.SECONDS);
		GeneratorVersion version = GeneratorVersion.of(out)
				.orElseThrow(() -> new AssertionError(executable + " --version printed no version: " + out));
		return new ZramGeneratorOracle(executable, version);
	}

	GeneratorVersion version() {
		return version;
	}

	String describe() {
		return executable + " (" + version + ")";
	}

	/**
	 * The real generator on {@code root}. Generator mode only: with ZRAM_GENERATOR_ROOT it reads the fake root and
	 * writes units into {@code out}, nothing else. Never run {@code --setup-device} here: it reads the fake root's
	 * configuration but writes the build machine's real /sys/block/zramN and runs mkswap on its real /dev/zramN. PATH
	 * points at an empty directory so that it cannot spawn modprobe (it loads the algorithm's crypto module) or
	 * systemd-detect-virt on the build machine either.
	 */
	Outcome real(Root root, Path work) throws IOException, InterruptedException {
		Path fake = Files.createDirectories(work.resolve("root"));
		for (ConfigFile f : root.files()) {
			Path file = fake.resolve(f.path().substring(1));
			Files.createDirectories(file.getParent());
			Files.writeString(file, f.text());
		}
		Files.createDirectories(fake.resolve("proc"));
		Files.writeString(fake.resolve("proc/meminfo"), "MemTotal:       " + root.memTotalKiB() + " kB\nMemFree:          1000 kB\n");
		Files.writeString(fake.resolve("proc/cmdline"), root.cmdline() + "\n");
		Path out = Files.createDirectories(work.resolve("out"));
		Path emptyPath = Files.createDirectories(work.resolve("no-programs"));
		ProcessBuilder pb = new ProcessBuilder(executable.toString(), out.toString()).redirectErrorStream(true)
				.redirectOutput(work.resolve("generator.log").toFile());
		pb.environment().clear();
		pb.environment().put("ZRAM_GENERATOR_ROOT", fake.toString());
		pb.environment().put("PATH", emptyPath.toString());
		Process p = pb.start();
		if (!p.waitFor(30, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new AssertionError("zram-generator did not finish in 30 s on " + root.name());
		}
		if (p.exitValue() != 0) {
			return new Outcome(true, List.of());
		}
		List<String> units = new ArrayList<>();
		try (Stream<Path> files = Files.list(out)) {
			for (Path unit : files.filter(Files::isRegularFile).sorted().toList()) {
				Map<String, String> keys = keys(unit);
				String name = unit.getFileName().toString();
				if (name.endsWith(".swap")) {
					units.add("swap " + keys.get("What") + " priority=" + keys.get("Priority") + " options=" + keys.get("Options"));
				} else if (name.endsWith(".mount")) {
					units.add("mount " + keys.get("What") + " at " + keys.get("Where") + " options=" + keys.get("Options"));
				}
			}
		}
		units.sort(null);
		return new Outcome(false, List.copyOf(units));
	}

	/** Carveout's model of the same root, reduced to the same units. */
	Outcome model(Root root) {
		ZramConfig config = new ZramConfigParser(null, version).parse(root.files());
		ZramGenerator.Result result = ZramGenerator.run(config, root.memTotalKiB(), root.cmdline(), v -> null);
		if (!result.errors().isEmpty()) {
			return new Outcome(true, List.of());
		}
		List<String> units = new ArrayList<>();
		for (GeneratedDevice d : result.devices()) {
			Optional<String> mountPoint = d.mountPoint();
			if (d.isSwap()) {
				units.add("swap /dev/" + d.name() + " priority=" + d.priority() + " options=" + d.options());
			} else if (mountPoint.isPresent()) {
				units.add("mount /dev/" + d.name() + " at " + mountPoint.get() + " options=" + d.options());
			}
		}
		units.sort(null);
		return new Outcome(false, List.copyOf(units));
	}

	/** The key=value lines of a unit file (a repeated key: the last). */
	private static Map<String, String> keys(Path unit) throws IOException {
		Map<String, String> keys = new TreeMap<>();
		for (String line : Files.readAllLines(unit)) {
			int eq = line.indexOf('=');
			if (eq > 0 && !line.startsWith("#")) {
				keys.put(line.substring(0, eq), line.substring(eq + 1));
			}
		}
		return keys;
	}
}
