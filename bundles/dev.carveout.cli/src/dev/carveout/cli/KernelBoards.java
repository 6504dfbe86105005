package dev.carveout.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.carveout.dts.check.KbuildComposites;

/**
 * Every board of an architecture in a kernel tree: arch/ARCH/boot/dts/**\/*.dts and the composites its Makefiles
 * declare ("name-dtbs := base.dtb a.dtbo"), in path order.
 */
final class KernelBoards {

	private KernelBoards() {
	}

	static List<BoardArgument> list(Path kernelTree, String arch) throws CheckOptions.UsageException {
		Path dts = kernelTree.resolve("arch").resolve(arch).resolve("boot/dts");
		if (!Files.isDirectory(dts)) {
			throw new CheckOptions.UsageException("no " + kernelTree.relativize(dts) + " in kernel tree " + kernelTree);
		}
		try (Stream<Path> files = Files.walk(dts)) {
			List<BoardArgument> boards = new ArrayList<>(files
					.filter(f -> f.getFileName().toString().endsWith(".dts") && Files.isRegularFile(f))
					.map(BoardArgument::board).toList());
			KbuildComposites.under(dts).forEach(c -> boards.add(BoardArgument.of(c)));
			// a base before the composites named after it: "board", "board-camera", "board-camera-dsp"
			boards.sort(Comparator.comparing(b -> b.file().toString().replaceFirst("\\.dts$", "")));
			return boards;
		} catch (IOException e) {
			throw new CheckOptions.UsageException("cannot list " + dts + ": " + e.getMessage());
		}
	}
}
