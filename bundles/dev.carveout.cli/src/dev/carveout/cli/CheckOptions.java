package dev.carveout.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.carveout.dts.check.CheckSettings;
import dev.carveout.memmap.KernelProfile;
import dev.carveout.memmap.KernelVersion;
import dev.carveout.memmap.Severity;
import dev.carveout.memmap.rules.RuleSet;

/** The command line of {@code carveout check}, parsed; a bad argument is a {@link UsageException} naming it. */
record CheckOptions(List<BoardArgument> boards, CheckSettings settings, String format, boolean werror, Path bootLog,
		boolean predictBootLog, boolean allBoards, boolean stats, Path compareDtb) {

	static final String USAGE = """
			usage: carveout check [options] FILE...
			  FILE is a board (.dts), an overlay alone (.dtso), or a composite base.dts+first.dtso+second.dtso
			  -I DIR                   add an include directory (after the including file's own)
			  --kernel-tree KSRC       kbuild's include paths of a kernel tree
			  --all-boards ARCH        with --kernel-tree: check every arch/ARCH/boot/dts/**/*.dts and every
			                           composite the Makefiles declare (name-dtbs :=), a summary line each
			  --stats                  print the boards checked, the time, the peak heap and the segments parsed
			                           (not taken from the parse cache) to stderr at the end
			  --format text|json|sarif dtc-style lines (default), one JSON object per board (JSON Lines), or one
			                           SARIF 2.1.0 log for all boards with the quick fixes (for code scanning)
			  --rule ID=off|info|warning|error   change a rule's severity
			  --page-size 4|16|64      arm64 page size in KiB (default 4)
			  --kernel MAJOR.MINOR     kernel version the board boots (default 6.12)
			  --werror                 exit 1 when there are warnings
			  --boot-log FILE          compare the kernel's reserved-memory lines in FILE (dmesg) with each board
			  --predict-boot-log       print the reserved-memory lines Linux will print for each board
			  --compare-dtb FILE       compare the board's memory map with the DTB FILE (one board): each region
			                           added, removed, moved, resized or reflagged, /memory bank and /memreserve/
			                           entry that differs is a warning (DTB) on its source line
			exit status: 0 clean, 1 warnings under --werror, 2 errors, 3 usage or input problems,
			             4 Carveout failed on a board (an internal finding on it; please report it); the highest applies""";

	static CheckOptions parse(List<String> args) throws UsageException {
		List<BoardArgument> boards = new ArrayList<>();
		List<Path> includeDirs = new ArrayList<>();
		Path kernelTree = null;
		String allBoardsArch = null;
		boolean stats = false;
		RuleSet rules = RuleSet.defaults();
		int pageSize = KernelProfile.DEFAULT.pageSizeKiB();
		KernelVersion version = KernelProfile.DEFAULT.version();
		String format = "text";
		boolean werror = false;
		Path bootLog = null;
		boolean predict = false;
		Path compareDtb = null;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			switch (arg) {
				case "-I" -> includeDirs.add(Path.of(value(args, ++i, arg)));
				case "--format" -> {
					format = value(args, ++i, arg);
					if (!List.of("text", "json", "sarif").contains(format)) {
						throw new UsageException("--format must be text, json or sarif, not " + format);
					}
				}
				case "--rule" -> rules = rule(rules, value(args, ++i, arg));
				case "--page-size" -> pageSize = integer(value(args, ++i, arg), arg);
				case "--kernel" -> version = version(value(args, ++i, arg));
				case "--werror" -> werror = true;
				case "--kernel-tree" -> kernelTree = Path.of(value(args, ++i, arg));
				case "--all-boards" -> allBoardsArch = value(args, ++i, arg);
				case "--stats" -> stats = true;
				case "--boot-log" -> bootLog = Path.of(value(args, ++i, arg));
				case "--predict-boot-log" -> predict = true;
				case "--compare-dtb" -> compareDtb = Path.of(value(args, ++i, arg));
				default -> {
					if (arg.startsWith("-I") && arg.length() > 2) {
						includeDirs.add(Path.of(arg.substring(2)));
					} else if (arg.startsWith("-")) {
						throw new UsageException("unknown option " + arg);
					} else {
						boards.add(BoardArgument.parse(arg));
					}
				}
			}
		}
		if (allBoardsArch != null) {
			if (kernelTree == null) {
				throw new UsageException("--all-boards needs --kernel-tree");
			}
			boards.addAll(KernelBoards.list(kernelTree, allBoardsArch));
		}
		if (boards.isEmpty()) {
			throw new UsageException("no input file");
		}
		if (compareDtb != null && boards.size() != 1) {
			throw new UsageException("--compare-dtb compares one board, not " + boards.size());
		}
		KernelProfile profile;
		try {
			profile = new KernelProfile(pageSize, version);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		CheckSettings settings = CheckSettings.defaults().withIncludeDirs(includeDirs).withRules(rules).withProfile(profile);
		if (kernelTree != null) {
			settings = settings.withKernelTree(kernelTree, allBoardsArch == null ? "arm64" : allBoardsArch);
		}
		return new CheckOptions(List.copyOf(boards), settings, format, werror, bootLog, predict, allBoardsArch != null, stats,
				compareDtb);
	}

	static String value(List<String> args, int i, String option) throws UsageException {
		if (i >= args.size()) {
			throw new UsageException(option + " needs a value");
		}
		return args.get(i);
	}

	static RuleSet rule(RuleSet rules, String spec) throws UsageException {
		int eq = spec.indexOf('=');
		if (eq < 0) {
			throw new UsageException("--rule takes ID=off|info|warning|error, not " + spec);
		}
		try {
			Severity severity = Severity.valueOf(spec.substring(eq + 1).toUpperCase(Locale.ROOT));
			return rules.withSeverity(spec.substring(0, eq), severity);
		} catch (IllegalArgumentException e) {
			throw new UsageException("--rule " + spec + ": " + e.getMessage());
		}
	}

	static int integer(String text, String option) throws UsageException {
		try {
			return Integer.parseInt(text);
		} catch (NumberFormatException e) {
			throw new UsageException(option + " takes a number, not " + text);
		}
	}

	static KernelVersion version(String text) throws UsageException {
		try {
			return KernelVersion.parse(text);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
	}

	static final class UsageException extends Exception {
		private static final long serialVersionUID = 1L;

		UsageException(String message) {
			super(message);
		}
	}
}
