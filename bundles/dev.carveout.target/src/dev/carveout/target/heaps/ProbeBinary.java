package dev.carveout.target.heaps;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * One of the heap probe binaries shipped in this bundle (probe/bin/ARCH/carveout-heap-probe, built static by the
 * bundle's Maven build), picked by what {@code uname -m} says on the board.
 *
 * @param arch the build's name for it: aarch64, armhf or x86_64
 */
public record ProbeBinary(String arch, byte[] content) {

	// armhf is Debian's ARMv7 hard-float baseline: it runs on ARMv7 and on ARMv8 in 32-bit mode.
	private static final Map<String, String> ARCH_BY_MACHINE = Map.of("aarch64", "aarch64", "arm64", "aarch64",
			"armv7l", "armhf", "armv8l", "armhf", "x86_64", "x86_64");

	/**
	 * @throws ProbeException if no binary is built for that machine, or this bundle lacks it (a build without
	 *                        the cross compilers)
	 */
	public static ProbeBinary forMachine(String unameM) throws ProbeException {
		String machine = unameM.strip();
		String arch = ARCH_BY_MACHINE.get(machine);
		if (arch == null) {
			throw new ProbeException("No heap probe for a '" + machine + "' board; Carveout ships one for "
					+ String.join(", ", new java.util.TreeSet<>(ARCH_BY_MACHINE.keySet())), null);
		}
		String resource = "/probe/bin/" + arch + "/carveout-heap-probe";
		try (InputStream in = ProbeBinary.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new ProbeException("This Carveout was built without the " + arch + " heap probe (" + resource + ")", null);
			}
			return new ProbeBinary(arch, in.readAllBytes());
		} catch (IOException e) {
			throw new ProbeException("Cannot read the bundled heap probe " + resource + ": " + e.getMessage(), e);
		}
	}

	/** Lower-case hex, as sha256sum prints it. */
	public String sha256() {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java has SHA-256", e);
		}
	}
}
