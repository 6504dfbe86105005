package dev.carveout.dts.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded board laid out the way kernel boards are: a SoC {@code soc.dtsi} with the RAM and the SoC's
 * carve-outs (labelled), a {@code board.dts} that includes it, adds its own carve-outs through
 * {@code &reserved}, overrides some of the SoC's {@code reg} values through their labels and points devices at
 * them with {@code memory-region}; some values come from a dt-bindings header's macros or from expressions,
 * some regions have only a size and alloc-ranges, RAM is one bank, two, or a size-0 placeholder the
 * bootloader fills, and sometimes {@code /memreserve/} takes memory too. 3 to 6 carve-outs in 64 KiB steps
 * near each other, so that overlaps and misalignment are common; now and then a {@code /reserved-memory} the
 * kernel ignores (R1). The same seed gives the same files.
 */
record GeneratedBoard(long seed, Map<String, String> files) {

	static final String BOARD = "board.dts";
	static final String SOC = "soc.dtsi";
	static final String HEADER = "include/dt-bindings/carveouts.h";
	static final String INCLUDE_DIR = "include";

	/** How one carve-out's reg is written: plain numbers (fixable), a header's macros, or an expression. */
	private enum Writing {
		PLAIN, MACRO, EXPRESSION
	}

	static GeneratedBoard of(long seed) {
		// 'random' and 'more' draw the carve-outs as the first generator did; 'real' draws the board's shape
		Random random = new Random(seed);
		Random more = new Random(~seed);
		Random real = new Random(seed * 31 + 7);
		StringBuilder soc = new StringBuilder();
		StringBuilder board = new StringBuilder();
		StringBuilder overrides = new StringBuilder();
		StringBuilder macros = new StringBuilder();
		int count = 3 + random.nextInt(4);
		for (int i = 0; i < count; i++) {
			long base = 0x80000000L + (long) random.nextInt(96) * 0x10000;
			long size = (1 + random.nextInt(48)) * 0x10000L;
			boolean hexUnit = random.nextInt(5) == 0;
			boolean cma = random.nextInt(4) == 0;
			String flags = cma ? "compatible = \"shared-dma-pool\"; reusable;" + (random.nextInt(3) == 0 ? " no-map;" : "")
					: "no-map;";
			String second = more.nextInt(6) == 0
					? String.format(", <0x0 0x%x 0x0 0x%x>", 0x80000000L + (long) more.nextInt(96) * 0x10000, (1 + more.nextInt(16)) * 0x10000L)
					: "";
			Writing writing = Writing.values()[real.nextInt(8) < 6 ? 0 : 1 + real.nextInt(2)];
			String reg = "<" + regValue(i, base, size, writing, macros) + ">" + second;
			boolean inSoc = real.nextBoolean();
			boolean overridden = inSoc && real.nextInt(5) == 0;
			String unit = (hexUnit ? "0x" : "") + Long.toHexString(overridden ? base + 0x100000 : base);
			String node = String.format("\t\tr%d: region%d@%s {\n\t\t\treg = %s;\n\t\t\t%s\n\t\t};\n", i, i, unit,
					overridden ? String.format("<0x0 0x%x 0x0 0x%x>", base + 0x100000, size) : reg, flags);
			(inSoc ? soc : board).append(node);
			if (overridden) {
				overrides.append(String.format("&r%d {\n\treg = %s;\n};\n\n", i, reg));
			}
		}
		if (more.nextInt(8) == 0) {
			return new GeneratedBoard(seed, Map.of(BOARD, ignoredByTheKernel(more)));
		}
		if (real.nextInt(3) == 0) {
			board.append("\t\tcamera_pool: camera-pool {\n\t\t\tcompatible = \"shared-dma-pool\";\n\t\t\treusable;\n"
					+ "\t\t\tsize = <0x0 0x200000>;\n\t\t\talignment = <0x0 0x200000>;\n"
					+ "\t\t\talloc-ranges = <0x0 0x80000000 0x0 0x1000000>;\n\t\t};\n");
		}
		Map<String, String> files = new LinkedHashMap<>();
		String include = macros.isEmpty() ? "" : "#include <dt-bindings/carveouts.h>\n\n";
		if (!macros.isEmpty()) {
			files.put(HEADER, "#ifndef CARVEOUTS_H\n#define CARVEOUTS_H\n\n" + macros + "\n#endif\n");
		}
		files.put(SOC, include + "/ {\n\t#address-cells = <2>;\n\t#size-cells = <2>;\n\n" + memory(real)
				+ "\treserved: reserved-memory {\n\t\t#address-cells = <2>;\n\t\t#size-cells = <2>;\n\t\tranges;\n\n" + soc
				+ "\t};\n};\n");
		String memreserve = real.nextInt(6) == 0 ? "/memreserve/ 0x80800000 0x100000;\n" : "";
		String devices = real.nextBoolean()
				? String.format("/ {\n\tdsp {\n\t\tcompatible = \"carveout,dsp\";\n\t\tmemory-region = <&r%d>;\n\t};\n};\n", real.nextInt(count))
				: "";
		files.put(BOARD, "/dts-v1/;\n" + memreserve + "\n#include \"soc.dtsi\"\n" + include.replace("\n\n", "\n") + "\n&reserved {\n"
				+ board.toString().replaceAll("(?m)^\t", "") + "};\n\n" + overrides + devices);
		return new GeneratedBoard(seed, files);
	}

	private static String regValue(int i, long base, long size, Writing writing, StringBuilder macros) {
		return switch (writing) {
			case PLAIN -> String.format("0x0 0x%x 0x0 0x%x", base, size);
			case MACRO -> {
				macros.append(String.format("#define REGION%d_BASE 0x%x\n#define REGION%d_SIZE 0x%x\n", i, base, i, size));
				yield String.format("0x0 REGION%d_BASE 0x0 REGION%d_SIZE", i, i);
			}
			case EXPRESSION -> String.format("0x0 (0x80000000 + 0x%x) 0x0 (%d * 0x10000)", base - 0x80000000L, size / 0x10000);
		};
	}

	/** One 512 MiB bank, a 16 MiB bank and one above 4 GiB, or a size-0 placeholder the bootloader fills in. */
	private static String memory(Random real) {
		return switch (real.nextInt(4)) {
			case 0 -> "\tmemory@80000000 {\n\t\tdevice_type = \"memory\";\n\t\treg = <0x0 0x80000000 0x0 0x1000000>,"
					+ " <0x8 0x80000000 0x0 0x20000000>;\n\t};\n\n";
			case 1 -> "\tmemory@0 {\n\t\tdevice_type = \"memory\";\n\t\treg = <0x0 0x0 0x0 0x0>;\n\t};\n\n";
			default -> "\tmemory@80000000 {\n\t\tdevice_type = \"memory\";\n\t\treg = <0x0 0x80000000 0x0 0x20000000>;\n\t};\n\n";
		};
	}

	/**
	 * Tidy carve-outs under a /reserved-memory Linux ignores (no ranges, or the wrong #size-cells). While it
	 * is ignored no other rule reports anything, so the R1 fix is only offered (and tried here) where it
	 * reveals no other problem.
	 */
	private static String ignoredByTheKernel(Random random) {
		StringBuilder children = new StringBuilder();
		for (int i = 0; i < 2 + random.nextInt(3); i++) {
			long base = 0x80000000L + i * 0x400000L;
			children.append(String.format("\t\tfw%d@%x { reg = <0x0 0x%x 0x0 0x%x>; no-map; };\n", i, base, base, (1 + random.nextInt(4)) * 0x100000L));
		}
		String board = Boards.reserved(children.toString());
		return random.nextBoolean() ? board.replace("\t\tranges;\n", "") : board.replace("\t\t#size-cells = <2>;", "\t\t#size-cells = <1>;");
	}

	/** Writes the files under {@code dir} and returns the board's path. */
	Path writeTo(Path dir) throws IOException {
		for (Map.Entry<String, String> file : files.entrySet()) {
			Path path = dir.resolve(file.getKey());
			Files.createDirectories(path.getParent());
			Files.writeString(path, file.getValue());
		}
		return dir.resolve(BOARD).toAbsolutePath().normalize();
	}

	/** The files as they are now under {@code dir}, each under its name: what a failure shows. */
	static String show(Path dir, Iterable<String> names) throws IOException {
		List<String> parts = new ArrayList<>();
		for (String name : names) {
			parts.add("--- " + name + "\n" + Files.readString(dir.resolve(name)));
		}
		return String.join("\n", parts);
	}
}
