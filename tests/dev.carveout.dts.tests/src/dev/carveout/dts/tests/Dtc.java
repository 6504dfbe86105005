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

	private record Run(int status, String output) {
	}

	/** The DTB dtc writes for a source, with extra flags such as "-@"; fails the test if dtc fails. */
	static byte[] compile(Path source, String... flags) {
		try {
			Path dtb = Files.createTempFile(source.getParent(), "dtc", ".dtb");
			List<String> command = new ArrayList<>(List.of("-o", dtb.toString()));
			command.addAll(List.of(flags));
			command.add(source.toString());
			Run run = run(command);
			if (run.status() != 0) {
				fail("dtc failed on " + source + ":\n" + run.output());
			}
			byte[] bytes = Files.readAllBytes(dtb);
			Files.delete(dtb);
			return bytes;
		} catch (IOException e) {
			fail("cannot read dtc's output: " + e.getMessage());
			return null;
		}
	}

	/** What dtc prints when it refuses a source (its exit status must be non-zero); fails the test if it accepts. */
	static String refusal(Path source) {
		Run run = run(List.of("-o", "/dev/null", source.toString()));
		if (run.status() == 0) {
			fail("dtc accepted " + source + ":\n" + run.output());
		}
		return run.output();
	}

	/** dtc -q -I dts -O dtb with the given arguments: its exit status and what it printed. */
	private static Run run(List<String> arguments) {
		List<String> command = new ArrayList<>(List.of("dtc", "-q", "-I", "dts", "-O", "dtb"));
		command.addAll(arguments);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			return new Run(process.waitFor(), output);
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
