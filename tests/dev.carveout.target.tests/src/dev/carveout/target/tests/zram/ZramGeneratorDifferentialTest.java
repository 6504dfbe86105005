package dev.carveout.target.tests.zram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.carveout.target.tests.zram.ZramGeneratorOracle.Outcome;
import dev.carveout.target.tests.zram.ZramGeneratorOracle.Root;
import dev.carveout.zram.ConfigFile;

/**
 * Carveout's model of zram-generator against the real one (the build machine's Debian package, generator mode),
 * over hand-written fake roots (zram-generator's own test cases and example file, drop-ins, meminfo and command line
 * variations) and generated ones (every key of the man page with good and bad values, in one to three files of the
 * four directories). The figures go to {@code target/differential/zram-generator.txt}.
 */
class ZramGeneratorDifferentialTest {

	private static final int GENERATED = 400;
	private static final long SEED = 17;

	private static final List<Long> MEMINFO = List.of(801_322L, 1_048_575L, 1_048_576L, 524_288L, 8_013_220L,
			16_777_216L, 100L, 2_097_151L, 501_016L);
	private static final List<String> CMDLINES = List.of("", "quiet", "ro quiet systemd.zram=0", "systemd.zram",
			"systemd.zram=1", "systemd.zram=yes", "systemd.zram=0 systemd.zram=1", "systemd.zram=off quiet",
			"systemd.zramx=1", "systemd.zram=true", "systemd.zram=no");

	/** Good and bad values of every key of zram-generator.conf(5), and keys it does not know. */
	private static final Map<String, List<String>> VALUES = Map.ofEntries(
			Map.entry("zram-size", List.of("ram / 2", "min(ram / 10, 2048)", "1k", "0", "ram - ram", "1n", "ram / 0",
					"0 / 0", "-1", "ram > 1000", "2G", "e()", "e", "log(ram)", "ram % 7 * 3", "-2^2", "[ram] / 3", "max(1,",
					"ram * 0.6 / 3", "round(64, ram / 3)", "int(ram / 3)", "ram < 1000 && 512 || 256", "1.5e2", "sign(0)",
					"min()", "ram ram", "abs(-ram) / 4", "ceil(ram / 3) - floor(ram / 3)", "sin(0)", "\"128\"")),
			Map.entry("host-memory-limit", List.of("none", "782", "781", "1023", "1024", "100000", "-5", "+782", "abc", "0")),
			Map.entry("memory-limit", List.of("none", "782", "512", "x")),
			Map.entry("compression-algorithm", List.of("lz4", "zstd", "zstd(level=3) lz4 (type=idle)", "lzo-rle",
					"nonsense", "", "deflate")),
			Map.entry("writeback-device", List.of("/dev/vdb", "/dev/../vdb", "dev/vdb", "//dev/./vdb/",
					"/dev/disk/by-partuuid/2d54ffa0-01")),
			Map.entry("swap-priority", List.of("100", "-1", "-2", "32767", "32768", "+5", "abc", "0", "5 > /etc/passwd")),
			Map.entry("mount-point", List.of("/var/compressed", "/", "relative", "/a/../b", "/var/żółw x", "/x/./y/", "/a$(id)")),
			Map.entry("fs-type", List.of("ext2", "ext4", "swap", "btrfs")),
			Map.entry("options", List.of("discard", "", "noatime,nodev", "discard,pri=5", "a;b", "x|y")),
			Map.entry("zram-fraction", List.of("0.25", "2", "-1", "abc", "0", "1e-1")),
			Map.entry("max-zram-size", List.of("none", "100", "0", "-1", "4096")),
			Map.entry("zram-resident-limit", List.of("ram / 4", "0", "x")),
			Map.entry("swap-priorty", List.of("5")));

	private static final List<String> PLACES = List.of("/usr/lib/systemd/zram-generator.conf",
			"/etc/systemd/zram-generator.conf", "/run/systemd/zram-generator.conf",
			"/usr/lib/systemd/zram-generator.conf.d/10-vendor.conf", "/usr/local/lib/systemd/zram-generator.conf.d/20-local.conf",
			"/etc/systemd/zram-generator.conf.d/20-local.conf", "/etc/systemd/zram-generator.conf.d/30-admin.conf",
			"/run/systemd/zram-generator.conf.d/05-early.conf", "/etc/systemd/zram-generator.conf.d/99-ignored.txt");

	@Test
	void carveoutCreatesTheDevicesZramGeneratorCreates(@TempDir Path work) throws Exception {
		ZramGeneratorOracle oracle = ZramGeneratorOracle.installed();
		List<Root> roots = new ArrayList<>(handWritten());
		roots.addAll(generated(new Random(SEED), GENERATED));
		Set<String> keysCovered = new TreeSet<>();
		List<String> disagreements = new ArrayList<>();
		int fails = 0;
		int units = 0;
		for (int i = 0; i < roots.size(); i++) {
			Root root = roots.get(i);
			root.files().forEach(f -> keysCovered.addAll(keys(f.text())));
			Outcome real = oracle.real(root, Files.createDirectories(work.resolve("case-" + i)));
			Outcome model = oracle.model(root);
			fails += real.fails() ? 1 : 0;
			units += real.units().size();
			if (!real.equals(model)) {
				disagreements.add(root.name() + " (MemTotal " + root.memTotalKiB() + " kB, cmdline '" + root.cmdline()
						+ "'):\n  zram-generator: " + real + "\n  Carveout:       " + model + "\n  files: " + root.files());
			}
		}
		Set<String> missing = new TreeSet<>(oracle.version().keys());
		missing.removeAll(keysCovered);
		String figures = String.format("%s%n%d cases (%d hand-written, %d generated with seed %d): %d agree, %d differ%n"
				+ "zram-generator failed on %d, wrote %d units on the others%nkeys covered: %s%n",
				oracle.describe(), roots.size(), roots.size() - GENERATED, GENERATED, SEED,
				roots.size() - disagreements.size(), disagreements.size(), fails, units, keysCovered);
		Path report = Path.of("target", "differential");
		Files.createDirectories(report);
		Files.writeString(report.resolve("zram-generator.txt"), figures + String.join("\n", disagreements) + "\n");
		System.out.print(figures);
		assertEquals(Set.of(), missing, "every key the generator knows is exercised");
		assertEquals(List.of(), disagreements, figures);
	}

	/** zram-generator's own test cases and example file, and the cases of the issue. */
	private static List<Root> handWritten() throws IOException {
		String example = Files.exists(Path.of("/usr/share/doc/systemd-zram-generator/zram-generator.conf.example"))
				? Files.readString(Path.of("/usr/share/doc/systemd-zram-generator/zram-generator.conf.example"))
				: "";
		return List.of(
				root("example file", 801_322, "", "/etc/systemd/zram-generator.conf", example),
				root("example file, small board", 524_288, "", "/etc/systemd/zram-generator.conf", example),
				root("basic", 801_322, "", "/usr/lib/systemd/zram-generator.conf", "[zram0]\n"),
				root("zstd", 801_322, "", "/etc/systemd/zram-generator.conf", "[zram0]\ncompression-algorithm = zstd\n"),
				root("too much memory", 8_013_220, "", "/etc/systemd/zram-generator.conf", "[zram0]\nhost-memory-limit = 2050\n"),
				root("host-memory-limit equal to ram", 801_322, "", "/etc/systemd/zram-generator.conf",
						"[zram0]\nhost-memory-limit = 782\n"),
				new Root("drop-ins", List.of(
						new ConfigFile("/etc/systemd/zram-generator.conf.d/04-drop4.conf", "[zram2]\nzram-size = 1000\n"),
						new ConfigFile("/usr/lib/systemd/zram-generator.conf.d/01-drop1.conf", "[zram0]\nhost-memory-limit = 1235\n[zram2]\nswap-priority = 5\n"),
						new ConfigFile("/usr/lib/systemd/zram-generator.conf.d/02-drop2.conf", "[zram0]\nhost-memory-limit = 1\n"),
						new ConfigFile("/usr/lib/systemd/zram-generator.conf.d/03-drop3.conf", "[zram0]\nhost-memory-limit = none\n"),
						new ConfigFile("/etc/systemd/zram-generator.conf", "[zram0]\nzram-size = 100\n[zram1]\nhost-memory-limit = 1\n"),
						new ConfigFile("/run/systemd/zram-generator.conf.d/04-drop4.conf", "[zram2]\noptions = x\n")),
						801_322, ""),
				root("kernel disabled", 801_322, "systemd.zram=0", "/etc/systemd/zram-generator.conf", "[zram0]\n"),
				root("kernel enabled", 801_322, "systemd.zram", "/etc/systemd/zram-generator.conf", "[zram1]\n"),
				root("mount points", 801_322, "", "/etc/systemd/zram-generator.conf",
						"[zram11]\nmount-point = /var/compressed\n[zram12]\nfs-type = ext4\nmount-point = /var/folded\n"
								+ "[zram13]\nfs-type = ext4\n[zram14]\nmount-point = /.żupan-ci3pły\n[zram15]\nmount-point = /\n"),
				root("obsolete keys", 801_322, "", "/etc/systemd/zram-generator.conf",
						"[zram0]\nzram-fraction = 0.1\nmax-zram-size = 2048\n[zram1]\nmemory-limit = 9048\nzram-fraction = 0.25\n"),
				root("set! variables, unknown to this release", 801_322, "", "/etc/systemd/zram-generator.conf",
						"set!ratio = echo 0.5\n[zram0]\nzram-size = ram * 0.5\n"),
				root("recompression parameters", 801_322, "", "/etc/systemd/zram-generator.conf",
						"[zram0]\ncompression-algorithm = zstd(level=3) lz4 (type=idle)\n"),
				root("unit suffixes", 801_322, "", "/etc/systemd/zram-generator.conf", "[zram0]\nzram-size = 1k\n[zram1]\nzram-size = 1n\n"),
				root("division by zero", 801_322, "", "/etc/systemd/zram-generator.conf", "[zram0]\nzram-size = (ram - 782) / 0\n"),
				root("writeback with ..", 801_322, "", "/etc/systemd/zram-generator.conf", "[zram0]\nwriteback-device = /dev/../vdb\n"),
				root("non-ASCII mount point", 801_322, "", "/etc/systemd/zram-generator.conf",
						"[zram1]\nmount-point = /mnt/żółw x\noptions =\n"),
				root("no configuration", 801_322, "", "/etc/systemd/other.conf", "[zram0]\n"));
	}

	private static Root root(String name, long memTotalKiB, String cmdline, String path, String text) {
		return new Root(name, List.of(new ConfigFile(path, text)), memTotalKiB, cmdline);
	}

	private static List<Root> generated(Random random, int count) {
		List<String> keys = new ArrayList<>(new TreeSet<>(VALUES.keySet()));
		List<Root> roots = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			// One file per place: a second one at the same path replaces the first, on the disk as in the model.
			Map<String, ConfigFile> files = new LinkedHashMap<>();
			int fileCount = 1 + random.nextInt(3);
			for (int f = 0; f < fileCount; f++) {
				StringBuilder text = new StringBuilder();
				if (random.nextInt(10) == 0) {
					text.append(random.nextBoolean() ? "set!x = echo 1\n" : "outside = 1\n");
				}
				int sections = 1 + random.nextInt(2);
				for (int s = 0; s < sections; s++) {
					text.append(random.nextInt(12) == 0 ? "[swap]\n" : "[zram" + random.nextInt(4) + "]\n");
					int settings = random.nextInt(5);
					for (int k = 0; k < settings; k++) {
						String key = keys.get(random.nextInt(keys.size()));
						List<String> values = VALUES.get(key);
						text.append(key).append(" = ").append(values.get(random.nextInt(values.size()))).append('\n');
					}
				}
				String place = PLACES.get(random.nextInt(PLACES.size()));
				files.put(place, new ConfigFile(place, text.toString()));
			}
			roots.add(new Root("generated " + i, List.copyOf(files.values()), MEMINFO.get(random.nextInt(MEMINFO.size())),
					CMDLINES.get(random.nextInt(CMDLINES.size()))));
		}
		return roots;
	}

	private static final Pattern KEY = Pattern.compile("(?m)^\\s*([a-z-]+)\\s*=");

	private static Set<String> keys(String text) {
		Set<String> keys = new TreeSet<>();
		Matcher m = KEY.matcher(text);
		while (m.find()) {
			keys.add(m.group(1));
		}
		return keys;
	}
}
