package dev.carveout.dts.corpus.dtcerr;

import java.io.IOException;
import java.nio.file.Path;

/** A file and line, the file by its real path: dtc names files as cpp's markers spell them, the engine as it found them. */
record Place(Path file, int line) {

	static Place of(Path file, int line) {
		try {
			return new Place(file.toRealPath(), line);
		} catch (IOException e) {
			return new Place(file.toAbsolutePath().normalize(), line);
		}
	}

	@Override
	public String toString() {
		return file.getFileName() + ":" + line;
	}
}
