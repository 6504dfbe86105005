package dev.carveout.dts.check;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Unsaved editor contents that take the place of files on disk while a board is checked. */
@FunctionalInterface
public interface SourceOverlay {

	SourceOverlay NONE = file -> Optional.empty();

	Optional<String> contentOf(Path file);

	static SourceOverlay of(Map<Path, String> contents) {
		return file -> Optional.ofNullable(contents.get(file.toAbsolutePath().normalize()));
	}
}
