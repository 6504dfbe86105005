package dev.carveout.dts.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds an extracted Linux 6.12 tree with the DeviceTree sources: system property or environment variable
 * {@code carveout.kernel.src}, else a cache extracted once from Debian's /usr/src/linux-source-6.12.tar.xz into
 * ~/.cache/carveout (or target/ when the home is not writable). Fails, never skips, when there is no tarball.
 */
final class KernelTree {

	static final Path TARBALL = Path.of("/usr/src/linux-source-6.12.tar.xz");
	private static final String TOP = "linux-source-6.12";

	private KernelTree() {
	}

	static Path root() {
		String configured = System.getProperty("carveout.kernel.src", System.getenv("carveout.kernel.src"));
		if (configured == null) {
			configured = System.getenv("CARVEOUT_KERNEL_SRC");
		}
		if (configured != null && !configured.isBlank()) {
			Path root = Path.of(configured);
			if (!Files.isDirectory(root.resolve("arch/arm64/boot/dts"))) {
				throw new IllegalStateException("carveout.kernel.src=" + configured + " has no arch/arm64/boot/dts");
			}
			return root;
		}
		for (Path cache : List.of(Path.of(System.getProperty("user.home"), ".cache", "carveout"),
				Path.of("target", "kernel-cache").toAbsolutePath())) {
			Path root = cache.resolve(TOP);
			if (Files.isRegularFile(root.resolve(".extracted"))) {
				return root;
			}
			try {
				extract(cache);
				return root;
			} catch (IOException e) {
				// try the next cache location
			}
		}
		throw new IllegalStateException("could not extract " + TARBALL);
	}

	private static synchronized void extract(Path cache) throws IOException {
		Path root = cache.resolve(TOP);
		if (Files.isRegularFile(root.resolve(".extracted"))) {
			return;
		}
		if (!Files.isRegularFile(TARBALL)) {
			throw new IllegalStateException("no kernel tree: set carveout.kernel.src to an extracted Linux 6.12 tree "
					+ "or run `apt-get install linux-source-6.12` (provides " + TARBALL + ")");
		}
		Files.createDirectories(cache);
		Process tar = new ProcessBuilder("tar", "-xJf", TARBALL.toString(), "-C", cache.toString(), "--wildcards",
				TOP + "/include/dt-bindings/*", TOP + "/include/uapi/*", TOP + "/arch/*/boot/dts/*",
				TOP + "/scripts/dtc/include-prefixes*")
				.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		try {
			if (!tar.waitFor(10, TimeUnit.MINUTES) || tar.exitValue() != 0) {
				throw new IOException("tar failed extracting " + TARBALL + " into " + cache);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException(e);
		}
		Files.writeString(root.resolve(".extracted"), "ok\n");
	}

	static Path includePrefixes(Path root) {
		return root.resolve("scripts/dtc/include-prefixes");
	}
}
