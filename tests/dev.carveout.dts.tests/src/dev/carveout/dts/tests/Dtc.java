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

	private record Run(int status, String output) {
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
		succeeded(run(command, "cpp"), "cpp", board);
		return compile(preprocessed);
	}

	/** The DTB dtc writes for a source, with extra flags such as "-@"; fails the test if dtc fails. */
	static byte[] compile(Path source, String... flags) {
		try {
			Path dtb = Files.createTempFile(source.getParent(), "dtc", ".dtb");
			List<String> command = new ArrayList<>(List.of("-o", dtb.toString()));
			command.addAll(List.of(flags));
			command.add(source.toString());
			succeeded(dtc(command), "dtc", source);
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
		Run run = dtc(List.of("-o", "/dev/null", source.toString()));
		if (run.status() == 0) {
			fail("dtc accepted " + source + ":\n" + run.output());
		}
		return run.output();
	}

	/**
	 * What dtc prints when it refuses a board read as kbuild reads it (GNU cpp with kbuild's flags first, run in the
	 * board's folder so the file names cpp and dtc print are the board's relatives); fails the test if it accepts.
	 */
	static String refusalWithCpp(Path board) {
		Path preprocessed = board.resolveSibling(board.getFileName() + ".cpp");
		succeeded(run(List.of("cpp", "-nostdinc", "-undef", "-D__DTS__", "-x", "assembler-with-cpp", "-o",
				preprocessed.toString(), board.getFileName().toString()), "cpp", board.getParent()), "cpp", board);
		Run run = run(List.of("dtc", "-q", "-I", "dts", "-O", "dtb", "-o", "/dev/null", preprocessed.getFileName()
				.toString()), "device-tree-compiler", board.getParent());
		if (run.status() == 0) {
			fail("dtc accepted " + board + ":\n" + run.output());
		}
		return run.output();
	}

	private static void succeeded(Run run, String tool, Path input) {
		if (run.status() != 0) {
			fail(tool + " failed on " + input + ":\n" + run.output());
		}
	}

	/** dtc -q -I dts -O dtb with the given arguments. */
	private static Run dtc(List<String> arguments) {
		List<String> command = new ArrayList<>(List.of("dtc", "-q", "-I", "dts", "-O", "dtb"));
		command.addAll(arguments);
		return run(command, "device-tree-compiler");
	}

	/** Runs a tool: its exit status and what it printed; fails the test naming the package when it is missing. */
	private static Run run(List<String> command, String debianPackage) {
		return run(command, debianPackage, null);
	}

	/** {@link #run(List, String)} in a working folder (null: this process's). */
	private static Run run(List<String> command, String debianPackage, Path folder) {
		try {
			Process process = new ProcessBuilder(command).directory(folder == null ? null : folder.toFile())
					.redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			return new Run(process.waitFor(), output);
		} catch (IOException e) {
			fail("cannot run " + command.get(0) + " (apt-get install " + debianPackage + "): " + e.getMessage());
			return null;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			fail("interrupted while running " + command.get(0));
			return null;
		}
	}
}
