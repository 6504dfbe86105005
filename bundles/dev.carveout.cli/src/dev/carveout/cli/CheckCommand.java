package dev.carveout.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.CheckSettings;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.Severity;

/**
 * {@code carveout check [-I DIR]... FILE...}: checks each board in one process and prints findings in dtc's
 * style. Exit status: 0 clean (warnings allowed), 2 errors found, 3 usage or input problems.
 */
public final class CheckCommand {

	public static final int OK = 0;
	public static final int ERRORS = 2;
	public static final int USAGE = 3;

	private final PrintStream out;
	private final PrintStream err;

	public CheckCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	public int run(List<String> args) {
		List<Path> includeDirs = new ArrayList<>();
		List<Path> boards = new ArrayList<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.equals("-I") && i + 1 < args.size()) {
				includeDirs.add(Path.of(args.get(++i)));
			} else if (arg.startsWith("-I") && arg.length() > 2) {
				includeDirs.add(Path.of(arg.substring(2)));
			} else if (arg.startsWith("-")) {
				err.println("carveout check: unknown option " + arg);
				err.println("usage: carveout check [-I DIR]... FILE...");
				return USAGE;
			} else {
				boards.add(Path.of(arg));
			}
		}
		if (boards.isEmpty()) {
			err.println("usage: carveout check [-I DIR]... FILE...");
			return USAGE;
		}
		for (Path dir : includeDirs) {
			if (!Files.isDirectory(dir)) {
				err.println("carveout check: include directory not found: " + dir);
				return USAGE;
			}
		}
		BoardChecker checker = new BoardChecker(CheckSettings.defaults().withIncludeDirs(includeDirs));
		int status = OK;
		for (Path board : boards) {
			if (!Files.isRegularFile(board)) {
				err.println("carveout check: file not found: " + board);
				status = Math.max(status, USAGE);
				continue;
			}
			CheckResult result = checker.check(board, SourceOverlay.NONE);
			for (Finding finding : result.findings()) {
				out.println(DtcStyle.format(finding));
				if (finding.severity() == Severity.ERROR) {
					status = Math.max(status, ERRORS);
				}
			}
		}
		return status;
	}
}
