package dev.carveout.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import dev.carveout.dts.check.KbuildComposites;

/**
 * One board of {@code carveout check}: a .dts file, or a composite written "base.dts+first.dtso+second.dtso"
 * (the base with the overlays applied in order, as kbuild's "name-dtbs :=" builds it). {@code file} is what the
 * reports call it: the board's path, or a composite's kbuild target without ".dtb".
 */
record BoardArgument(Path file, List<Path> parts) {

	static BoardArgument board(Path file) {
		return new BoardArgument(file, List.of(file));
	}

	static BoardArgument of(KbuildComposites.Composite composite) {
		return new BoardArgument(composite.target(), composite.parts());
	}

	/**
	 * An argument as written: "a.dts+b.dtso" is a composite unless a file of that very name exists. Its
	 * name is the kbuild target when the base's Makefile declares these parts, else the argument itself.
	 */
	static BoardArgument parse(String text) {
		Path whole = Path.of(text);
		if (!text.contains("+") || Files.exists(whole)) {
			return board(whole);
		}
		List<Path> parts = Arrays.stream(text.split("\\+")).filter(s -> !s.isEmpty()).map(Path::of).toList();
		return new BoardArgument(declaredTarget(parts), parts);
	}

	private static Path declaredTarget(List<Path> parts) {
		Path makefile = parts.get(0).toAbsolutePath().normalize().resolveSibling("Makefile");
		if (Files.isRegularFile(makefile)) {
			List<Path> normalized = parts.stream().map(p -> p.toAbsolutePath().normalize()).toList();
			try {
				for (KbuildComposites.Composite composite : KbuildComposites.in(makefile)) {
					if (composite.parts().equals(normalized)) {
						return composite.target();
					}
				}
			} catch (java.io.IOException e) {
				// an unreadable Makefile only costs the kbuild name
			}
		}
		return Path.of(String.join("+", parts.stream().map(Path::toString).toList()));
	}

	boolean isComposite() {
		return parts.size() > 1;
	}

	/** The first part that is not a readable file, with the reason, or null. */
	String problem() {
		for (Path part : parts) {
			if (!Files.isRegularFile(part)) {
				return (Files.exists(part) ? "not a file: " : "file not found: ") + part;
			}
		}
		return null;
	}
}
