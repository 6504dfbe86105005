package dev.carveout.dts.check;

import java.io.IOException;
import java.nio.file.Path;

import dev.carveout.dts.fdt.FdtFormatException;
import dev.carveout.dts.fdt.FdtReader;
import dev.carveout.dts.tree.DtbTree;
import dev.carveout.memmap.MemoryMap;

/** The memory map of a DTB file, read by the same extractor as a board's source so both compare like for like. */
public final class DtbMemoryMap {

	private DtbMemoryMap() {
	}

	/** @throws FdtFormatException naming the file when it is not a DTB or is damaged */
	public static MemoryMap read(Path dtb) throws IOException {
		// A DTB has no source lines to put the extractor's value errors on (a range past 2^64 saturates and is
		// compared as such); the board's own source gets those findings from its check.
		return new MemoryMapExtractor(DtbTree.of(FdtReader.read(dtb)), valueError -> {
		}).extract();
	}
}
