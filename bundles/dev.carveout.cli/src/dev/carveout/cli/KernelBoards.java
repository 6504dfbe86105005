package dev.carveout.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Every board of an architecture in a kernel tree: arch/ARCH/boot/dts/**\/*.dts, in path order. */
final class KernelBoards {

	private KernelBoards() {
	}

	static List<Path> list(Path kernelTree, String arch) throws CheckOptions.UsageException {
		Path dts = kernelTree.resolve("arch").resolve(arch).resolve("boot/dts");
		if (!Files.isDirectory(dts)) {
			throw new CheckOptions.UsageException("no " + kernelTree.relativize(dts) + " in kernel tree " + kernelTree);
		}
		try (Stream<Path> files = Files.walk(dts)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".dts") && Files.isRegularFile(f)).sorted().toList();
		} catch (IOException e) {
			throw new CheckOptions.UsageException("cannot list " + dts + ": " + e.getMessage());
		}
	}
}
