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

	/**
	 * The DTB of a board as kbuild makes it: GNU cpp with kbuild's DeviceTree flags (the board's folder and
	 * {@code includeDirs} searched), then dtc on cpp's output; fails the test with cpp's or dtc's message.
	 */
	static byte[] compileWithCpp(Path board, List<Path> includeDirs) {
		try {
			Path preprocessed = Files.createTempFile(board.getParent(), "cpp", ".dts");
			List<String> command = new ArrayList<>(List.of("cpp", "-nostdinc", "-undef", "-D__DTS__", "-x",
					"assembler-with-cpp", "-o", preprocessed.toString()));
			includeDirs.forEach(dir -> command.addAll(List.of("-I", dir.toString())));
			command.add(board.toString());
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (process.waitFor() != 0) {
				fail("cpp failed on " + board + ":\n" + output);
			}
			byte[] dtb = compile(preprocessed);
			Files.delete(preprocessed);
			return dtb;
		} catch (IOException e) {
			fail("cannot run cpp (apt-get install cpp): " + e.getMessage());
			return null;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			fail("interrupted while running cpp");
			return null;
		}
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
}
