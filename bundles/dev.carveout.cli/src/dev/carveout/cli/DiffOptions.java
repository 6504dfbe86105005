package dev.carveout.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.carveout.dts.check.CheckSettings;
import dev.carveout.memmap.KernelProfile;
import dev.carveout.memmap.KernelVersion;
import dev.carveout.memmap.rules.RuleSet;

/**
 * The command line of {@code carveout diff}, parsed; a bad argument is a {@link CheckOptions.UsageException}.
 *
 * @param head   null for the working tree
 * @param boards the two boards of {@code --boards}, or null for a diff between revisions
 * @param paths  the PATH arguments (boards under them only), as written
 */
record DiffOptions(String base, String head, Path kernelTree, List<String> paths, List<BoardArgument> boards,
		CheckSettings settings, String format, boolean werror) {

	/** The architecture whose boards a kernel tree's diff looks at, as check's --kernel-tree without --all-boards. */
	static final String ARCH = "arm64";

	static final String USAGE = """
			usage: carveout diff [options] [PATH...]
			       carveout diff [options] --boards A.dts B.dts
			  Checks both versions of every board (.dts, kbuild composite, overlay alone) whose inputs changed
			  between two revisions (a changed .dtsi or header reaches every board that includes it) and prints per
			  board what changed in the memory map and which findings appeared or went away.
			  PATH...                  only boards under these files or folders
			  --base REV               the revision before (default HEAD)
			  --head REV               the revision after (default: the working tree, untracked files included)
			  --kernel-tree KSRC       kbuild's include paths; the boards are those of KSRC/arch/arm64/boot/dts
			  -I DIR                   add an include directory (after the including file's own)
			  --boards A B             two boards of the working tree side by side (two SKUs of one SoC): what B
			                           has that A has not; A or B may be a composite base.dts+first.dtso
			  --format text|markdown|json|sarif   lines per board (default), a Markdown table per board (for a
			                           review comment), one JSON object per board, or a SARIF log of new findings
			  --rule ID=off|info|warning|error   change a rule's severity
			  --page-size 4|16|64      arm64 page size in KiB (default 4)
			  --kernel MAJOR.MINOR     kernel version the board boots (default 6.12)
			  --werror                 exit 1 when a new warning appeared
			exit status: 0 nothing new, 1 new warnings under --werror, 2 new errors, 3 usage or input problems (not in a
			             git repository, an unknown revision, a missing file), 4 Carveout failed on a board""";

	/** @param cwd where relative paths start (the caller's folder) */
	static DiffOptions parse(List<String> args, Path cwd) throws CheckOptions.UsageException {
		String base = null;
		String head = null;
		Path kernelTree = null;
		List<String> paths = new ArrayList<>();
		List<BoardArgument> boards = null;
		List<Path> includeDirs = new ArrayList<>();
		RuleSet rules = RuleSet.defaults();
		int pageSize = KernelProfile.DEFAULT.pageSizeKiB();
		KernelVersion version = KernelProfile.DEFAULT.version();
		String format = "text";
		boolean werror = false;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			switch (arg) {
				case "--base" -> base = CheckOptions.value(args, ++i, arg);
				case "--head" -> head = CheckOptions.value(args, ++i, arg);
				case "--kernel-tree" -> kernelTree = cwd.resolve(CheckOptions.value(args, ++i, arg)).normalize();
				case "-I" -> includeDirs.add(cwd.resolve(CheckOptions.value(args, ++i, arg)).normalize());
				case "--boards" -> {
					boards = List.of(board(CheckOptions.value(args, ++i, arg), cwd), board(CheckOptions.value(args, ++i, arg), cwd));
				}
				case "--format" -> {
					format = CheckOptions.value(args, ++i, arg);
					if (!List.of("text", "markdown", "json", "sarif").contains(format)) {
						throw new CheckOptions.UsageException("--format must be text, markdown, json or sarif, not " + format);
					}
				}
				case "--rule" -> rules = CheckOptions.rule(rules, CheckOptions.value(args, ++i, arg));
				case "--page-size" -> pageSize = CheckOptions.integer(CheckOptions.value(args, ++i, arg), arg);
				case "--kernel" -> version = CheckOptions.version(CheckOptions.value(args, ++i, arg));
				case "--werror" -> werror = true;
				case "--" -> {
					paths.addAll(args.subList(i + 1, args.size()));
					i = args.size();
				}
				default -> {
					if (arg.startsWith("-I") && arg.length() > 2) {
						includeDirs.add(cwd.resolve(arg.substring(2)).normalize());
					} else if (arg.startsWith("-")) {
						throw new CheckOptions.UsageException("unknown option " + arg);
					} else {
						paths.add(arg);
					}
				}
			}
		}
		if (boards != null && (base != null || head != null || !paths.isEmpty())) {
			throw new CheckOptions.UsageException("--boards compares two boards of the working tree; it takes no --base, --head or PATH");
		}
		KernelProfile profile;
		try {
			profile = new KernelProfile(pageSize, version);
		} catch (IllegalArgumentException e) {
			throw new CheckOptions.UsageException(e.getMessage());
		}
		CheckSettings settings = CheckSettings.defaults().withIncludeDirs(includeDirs).withRules(rules).withProfile(profile);
		if (kernelTree != null) {
			settings = settings.withKernelTree(kernelTree, ARCH);
		}
		return new DiffOptions(base == null ? "HEAD" : base, head, kernelTree, List.copyOf(paths), boards, settings, format, werror);
	}

	/** A board argument as check reads it ("base.dts+first.dtso" a composite), each part from {@code cwd}. */
	private static BoardArgument board(String text, Path cwd) {
		if (!text.contains("+") || java.nio.file.Files.exists(cwd.resolve(text))) {
			return BoardArgument.board(cwd.resolve(text).normalize());
		}
		List<String> parts = new ArrayList<>();
		for (String part : text.split("\\+")) {
			if (!part.isEmpty()) {
				parts.add(cwd.resolve(part).normalize().toString());
			}
		}
		return BoardArgument.parse(String.join("+", parts));
	}
}
