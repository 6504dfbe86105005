package dev.carveout.zram;

/** Which files are zram-generator configurations: the names zram-generator reads, and ours for variants. */
public final class ZramConfigFiles {

	private ZramConfigFiles() {
	}

	/**
	 * {@code zram-generator.conf}, {@code *.zram.conf} (several variants side by side in a BSP layer), and
	 * {@code *.conf} under a {@code zram-generator.conf.d} folder.
	 *
	 * @param path a workspace or file system path with '/' separators
	 */
	public static boolean isZramConfig(String path) {
		String name = path.substring(path.lastIndexOf('/') + 1);
		if (name.equals("zram-generator.conf") || name.endsWith(".zram.conf")) {
			return true;
		}
		int slash = path.lastIndexOf('/');
		String parent = slash <= 0 ? "" : path.substring(0, slash);
		return name.endsWith(".conf") && parent.substring(parent.lastIndexOf('/') + 1).equals("zram-generator.conf.d");
	}
}
