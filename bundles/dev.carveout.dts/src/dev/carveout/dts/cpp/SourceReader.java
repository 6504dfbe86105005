package dev.carveout.dts.cpp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

import dev.carveout.dts.limits.InputLimit;

/**
 * Where the preprocessor gets file text from, so that an editor's unsaved buffer can stand in for the file on
 * disk.
 */
public interface SourceReader {

	/** Reads the file's whole text. */
	String read(Path file) throws IOException;

	/** Whether {@link #read} would find the file; used while searching include directories. */
	boolean exists(Path file);

	/**
	 * The files on disk, read as UTF-8 (kernel sources are ASCII with a few UTF-8 comments). A device, a FIFO or
	 * a directory is refused before it is opened (/dev/zero would never end), and so is a file past
	 * {@link InputLimit#FILE_SIZE}.
	 */
	SourceReader FILES = new SourceReader() {
		@Override
		public String read(Path file) throws IOException {
			if (!Files.isRegularFile(file)) {
				throw new IOException(Files.exists(file) ? "not a regular file" : "no such file");
			}
			checkSize(Files.size(file));
			return Files.readString(file, StandardCharsets.UTF_8);
		}

		@Override
		public boolean exists(Path file) {
			return Files.isRegularFile(file);
		}
	};

	/**
	 * Files on disk, except where {@code unsaved} has text for a path (an editor's unsaved buffer), e.g.
	 * {@code SourceReader.withUnsaved(overlay::contentOf)} for the checker's SourceOverlay.
	 */
	static SourceReader withUnsaved(Function<Path, Optional<String>> unsaved) {
		return new SourceReader() {
			@Override
			public String read(Path file) throws IOException {
				Optional<String> text = unsaved.apply(file);
				if (text.isEmpty()) {
					return FILES.read(file);
				}
				checkSize(text.get().length());
				return text.get();
			}

			@Override
			public boolean exists(Path file) {
				return unsaved.apply(file).isPresent() || FILES.exists(file);
			}
		};
	}

	/** An IOException naming {@link InputLimit#FILE_SIZE} when {@code size} is past it. */
	private static void checkSize(long size) throws IOException {
		if (size > InputLimit.FILE_SIZE.value()) {
			throw new IOException(InputLimit.FILE_SIZE.message(null));
		}
	}
}
