package dev.carveout.dts.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.CheckSettings;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.memmap.Finding;

/** Writes small boards into a folder and checks them with the engine. */
final class Boards {

	static final String HEADER = """
			/dts-v1/;
			/ {
				#address-cells = <2>;
				#size-cells = <2>;
			""";

	private final Path dir;

	Boards(Path dir) {
		this.dir = dir;
	}

	Path write(String name, String text) {
		try {
			Path file = dir.resolve(name);
			Files.createDirectories(file.getParent());
			Files.writeString(file, text);
			return file.toAbsolutePath().normalize();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	CheckResult check(Path board) {
		return new BoardChecker(CheckSettings.defaults()).check(board, SourceOverlay.NONE);
	}

	static List<Finding> byRule(CheckResult result, String ruleId) {
		return result.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
	}

	/** A /reserved-memory node with the given children, under a root of 2+2 cells. */
	static String reserved(String children) {
		return HEADER + """
					reserved-memory {
						#address-cells = <2>;
						#size-cells = <2>;
						ranges;
				""" + children + """
					};
				};
				""";
	}
}
