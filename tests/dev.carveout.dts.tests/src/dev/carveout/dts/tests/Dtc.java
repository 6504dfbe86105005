package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the machine's dtc and cpp (Debian's device-tree-compiler and cpp, which ./carveout test installs). */
final class Dtc {

	private Dtc() {
	}

	/**
	 * The DTB of a board as kbuild makes it: GNU cpp with kbuild's DeviceTree flags (the board's folder and
	 * {@code includeDirs} searched), then dtc on cpp's output; fails the test with cpp's or dtc's message.
	 */
	static byte[] compileWithCpp(Path board, List<Path> includeDirs) {
		Path preprocessed = board.resolveSibling(board.getFileName() + ".cpp");
		List<String> command = new ArrayList<>(List.of("cpp", "-nostdinc", "-undef", "-D__DTS__", "-x",
				"assembler-with-cpp", "-o", preprocessed.toString()));
		includeDirs.forEach(dir -> command.addAll(List.of("-I", dir.toString())));
		command.add(board.toString());
		run(command, board, "cpp");
		return compile(preprocessed);
	}

	/** The DTB dtc writes for a source, with extra flags such as "-@"; fails the test if dtc fails. */
	static byte[] compile(Path source, String... flags) {
		Path dtb = source.resolveSibling(source.getFileName() + ".dtb");
		List<String> command = new ArrayList<>(List.of("dtc", "-q", "-I", "dts", "-O", "dtb", "-o", dtb.toString()));
		command.addAll(List.of(flags));
		command.add(source.toString());
		run(command, source, "device-tree-compiler");
		try {
			return Files.readAllBytes(dtb);
		} catch (IOException e) {
			fail("dtc wrote no " + dtb + ": " + e.getMessage());
			return null;
		}
	}

	/** Runs the tool; fails the test with its output when it fails, or with the package to install. */
	private static void run(List<String> command, Path input, String debianPackage) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (process.waitFor() != 0) {
				fail(command.get(0) + " failed on " + input + ":\n" + output);
			}
		} catch (IOException e) {
			fail("cannot run " + command.get(0) + " (apt-get install " + debianPackage + "): " + e.getMessage());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			fail("interrupted while running " + command.get(0));
		}
	}
}
