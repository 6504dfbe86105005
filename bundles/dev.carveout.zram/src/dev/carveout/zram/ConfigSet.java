package dev.carveout.zram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The files zram-generator reads, in the order it reads them (zram-generator.conf(5), its {@code locate_fragments}):
 * of the main {@code systemd/zram-generator.conf} files only the one in the highest of {@code /usr/lib},
 * {@code /usr/local/lib}, {@code /etc}, {@code /run} counts, and comes first; then the drop-ins
 * {@code systemd/zram-generator.conf.d/*.conf} of all four, sorted by file name wherever they are, a higher directory's
 * file replacing a lower one's of the same name. Later keys override earlier ones.
 */
public final class ConfigSet {

	/** Lowest precedence first. */
	public static final List<String> BASE_DIRECTORIES = List.of("/usr/lib", "/usr/local/lib", "/etc", "/run");
	public static final String MAIN = "systemd/zram-generator.conf";
	public static final String DROP_INS = "systemd/zram-generator.conf.d";

	private ConfigSet() {
	}

	/**
	 * Where a file of a folder that mirrors the board's paths sits ({@code <folder>/etc/systemd/zram-generator.conf.d/
	 * 10-x.conf}): the folder, which holds the whole configuration set, and the file's path on the board.
	 */
	public record Location(String root, String boardPath) {
	}

	/** The file's place in a mirrored folder, or empty when the path is not one zram-generator reads. */
	public static Optional<Location> locate(String path) {
		for (String base : BASE_DIRECTORIES) {
			int at = path.lastIndexOf(base + "/systemd/");
			if (at >= 0 && isRead(path.substring(at))) {
				return Optional.of(new Location(path.substring(0, at), path.substring(at)));
			}
		}
		return Optional.empty();
	}

	/** Whether zram-generator reads a file at this board path at all. */
	public static boolean isRead(String path) {
		for (String base : BASE_DIRECTORIES) {
			if (path.equals(base + "/" + MAIN)) {
				return true;
			}
			String dir = base + "/" + DROP_INS + "/";
			if (path.startsWith(dir) && path.endsWith(".conf") && path.indexOf('/', dir.length()) < 0) {
				return true;
			}
		}
		return false;
	}

	/** The files zram-generator reads, in its order; files it does not read are left out. */
	public static List<ConfigFile> order(List<ConfigFile> files) {
		Comparator<ConfigFile> precedence = Comparator.comparingInt(f -> BASE_DIRECTORIES.indexOf(f.baseDirectory()));
		List<ConfigFile> read = files.stream().filter(f -> isRead(f.path())).sorted(precedence).toList();
		Optional<ConfigFile> main = read.stream().filter(f -> !f.isDropIn()).reduce((lower, higher) -> higher);
		Map<String, ConfigFile> dropIns = new TreeMap<>();
		for (ConfigFile f : read) {
			if (f.isDropIn()) {
				dropIns.put(f.name(), f);
			}
		}
		List<ConfigFile> ordered = new ArrayList<>();
		main.ifPresent(ordered::add);
		ordered.addAll(dropIns.values());
		return ordered;
	}
}
