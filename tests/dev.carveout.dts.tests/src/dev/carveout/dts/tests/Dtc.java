package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the machine's dtc (Debian's device-tree-compiler, which ./carveout test installs) on a source. */
final class Dtc {

	private Dtc() {
	}

	/** The DTB dtc writes for a source, with extra flags such as "-@"; fails the test if dtc fails. */
	static byte[] compile(Path source, String... flags) {
		try {
			Path dtb = Files.createTempFile(source.getParent(), "dtc", ".dtb");
			List<String> command = new ArrayList<>(List.of("dtc", "-q", "-I", "dts", "-O", "dtb", "-o", dtb.toString()));
			command.addAll(List.of(flags));
			command.add(source.toString());
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (process.waitFor() != 0) {
				fail("dtc failed on " + source + ":\n" + output);
			}
			byte[] bytes = Files.readAllBytes(dtb);
			Files.delete(dtb);
			return bytes;
		} catch (IOException e) {
			fail("cannot run dtc (apt-get install device-tree-compiler): " + e.getMessage());
			return null;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			fail("interrupted while running dtc");
			return null;
		}
	}

	/** What dtc prints when it refuses a source (its exit status must be non-zero); fails the test if it accepts. */
	static String refusal(Path source) {
		try {
			Process process = new ProcessBuilder("dtc", "-q", "-I", "dts", "-O", "dtb", "-o", "/dev/null", source.toString())
					.redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (process.waitFor() == 0) {
				fail("dtc accepted " + source + ":\n" + output);
			}
			return output;
		} catch (IOException e) {
			fail("cannot run dtc (apt-get install device-tree-compiler): " + e.getMessage());
			return null;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			fail("interrupted while running dtc");
			return null;
		}
	}
}
