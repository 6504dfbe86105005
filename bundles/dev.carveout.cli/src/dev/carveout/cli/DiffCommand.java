package dev.carveout.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import com.google.gson.JsonArray;

import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.CheckSettings;
import dev.carveout.dts.check.InternalFailure;
import dev.carveout.dts.check.SourceOverlay;

/**
 * {@code carveout diff}: the boards a change between two revisions reaches (see {@link AffectedBoards}), each
 * checked on both sides in this one process, reported as what changed in its memory map and which findings
 * appeared or went away; or two boards of the working tree side by side ({@code --boards}). A revision is read
 * through git itself ({@link GitRepository}) and shown to the engine as its unsaved-buffer overlay under a folder
 * that does not exist ({@link RevisionFiles}), so the engine reads a revision exactly as it reads files and needs
 * no change. See {@link DiffOptions#USAGE} for the exit status.
 */
public final class DiffCommand {

	private final PrintStream out;
	private final PrintStream err;
	private final Path cwd;

	/** @param cwd the folder the command runs in: the repository is the one it is in, relative paths start there */
	public DiffCommand(PrintStream out, PrintStream err, Path cwd) {
		this.out = out;
		this.err = err;
		this.cwd = cwd.toAbsolutePath().normalize();
	}

	public int run(List<String> args) {
		if (args.contains("--help") || args.contains("-h")) {
			out.println(DiffOptions.USAGE);
			return CheckCommand.OK;
		}
		DiffOptions options;
		try {
			options = DiffOptions.parse(args, cwd);
		} catch (CheckOptions.UsageException e) {
			err.println("carveout diff: " + e.getMessage());
			err.println(DiffOptions.USAGE);
			return CheckCommand.USAGE;
		}
		for (Path dir : options.settings().includeDirs()) {
			if (!Files.isDirectory(dir)) {
				err.println("carveout diff: include directory not found: " + dir);
				return CheckCommand.USAGE;
			}
		}
		ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
			Thread t = new Thread(r, "carveout-diff");
			t.setDaemon(true);
			return t;
		});
		try {
			return options.boards() != null ? boards(options, pool) : revisions(options, pool);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			err.println("carveout diff: interrupted");
			return CheckCommand.INTERNAL;
		} finally {
			pool.shutdownNow();
		}
	}

	/** {@code --boards A B}: B's map and findings against A's, both from the working tree. */
	private int boards(DiffOptions options, ExecutorService pool) throws InterruptedException {
		for (BoardArgument board : options.boards()) {
			if (board.problem() != null) {
				err.println("carveout diff: " + board.problem());
				return CheckCommand.USAGE;
			}
		}
		BoardArgument a = options.boards().get(0);
		BoardArgument b = options.boards().get(1);
		Path real = realCwd();
		Path shown = options.format().equals("sarif") ? real : Path.of("");
		DiffSide left = new DiffSide(shownName(a, real), real, real, shown, SourceOverlay.NONE, Set.of(), options.settings());
		DiffSide right = new DiffSide(shownName(b, real), real, real, shown, SourceOverlay.NONE, Set.of(), options.settings());
		String name = left.label() + " -> " + right.label();
		List<AffectedBoards.BoardPair> pair = List.of(new AffectedBoards.BoardPair(name, real(a.parts()), real(b.parts())));
		return report(options, left, right, pair, -1, pool);
	}

	private int revisions(DiffOptions options, ExecutorService pool) throws InterruptedException {
		Path scratch = null;
		try (GitRepository git = GitRepository.containing(cwd)) {
			Path top = git.top();
			String base = git.commit(options.base());
			String head = options.head() == null ? null : git.commit(options.head());
			List<String> changed = git.changedFiles(base, head);
			Predicate<String> wanted = wanted(options, top);
			Path shown = options.format().equals("sarif") || !top.startsWith(realCwd()) ? top : realCwd().relativize(top);
			// The folders a revision's files appear under; never created, so no file of the working tree is there.
			scratch = Files.createTempDirectory("carveout-diff");
			DiffSide baseSide = revision(git, options.base(), base, scratch.resolve("base"), shown, options.settings());
			DiffSide headSide = head == null
					? new DiffSide("working tree", top, top, shown, SourceOverlay.NONE, new LinkedHashSet<>(git.workingTreeFiles()), options.settings())
					: revision(git, options.head(), head, scratch.resolve("head"), shown, options.settings());
			// named as the reports name files: relative to the current folder
			List<AffectedBoards.BoardPair> pairs = AffectedBoards.between(baseSide, headSide, changed, wanted, pool).stream()
					.map(p -> new AffectedBoards.BoardPair(shown.resolve(p.name()).toString(), p.baseParts(), p.headParts())).toList();
			return report(options, baseSide, headSide, pairs, changed.size(), pool);
		} catch (GitRepository.GitException | CheckOptions.UsageException e) {
			err.println("carveout diff: " + e.getMessage());
			return CheckCommand.USAGE;
		} catch (IOException e) {
			err.println("carveout diff: cannot create a temporary folder: " + e.getMessage());
			return CheckCommand.USAGE;
		} finally {
			if (scratch != null) {
				try {
					Files.deleteIfExists(scratch);
				} catch (IOException e) {
					// an empty folder in the temporary directory; nothing of the user's is lost
				}
			}
		}
	}

	private static DiffSide revision(GitRepository git, String label, String commit, Path root, Path shown, CheckSettings settings)
			throws GitRepository.GitException {
		Map<String, GitRepository.Entry> tree = git.tree(commit);
		return new DiffSide(label, git.top(), root, shown, new RevisionFiles(git, tree, root), tree.keySet(), settings);
	}

	/**
	 * The boards the run looks at: those of the kernel tree's architecture (when the tree is in the repository)
	 * and under the PATH arguments.
	 */
	private Predicate<String> wanted(DiffOptions options, Path top) throws CheckOptions.UsageException {
		List<String> prefixes = new ArrayList<>();
		for (String path : options.paths()) {
			prefixes.add(inRepository(cwd.resolve(path), top, path));
		}
		String kernelBoards = null;
		if (options.kernelTree() != null) {
			Path dts = options.kernelTree().resolve("arch").resolve(DiffOptions.ARCH).resolve("boot/dts");
			kernelBoards = realPath(dts).startsWith(top) ? inRepository(dts, top, dts.toString()) : null;
		}
		String kernel = kernelBoards;
		return name -> (kernel == null || under(name, kernel)) && (prefixes.isEmpty() || prefixes.stream().anyMatch(p -> under(name, p)));
	}

	private String inRepository(Path path, Path top, String asWritten) throws CheckOptions.UsageException {
		Path real = realPath(path);
		if (!real.startsWith(top)) {
			throw new CheckOptions.UsageException("not in the repository " + top + ": " + asWritten);
		}
		return top.relativize(real).toString();
	}

	private static boolean under(String name, String prefix) {
		return prefix.isEmpty() || name.equals(prefix) || name.startsWith(prefix + "/");
	}

	/** Each board checked on both sides on the pool, printed in order; the highest status of all boards. */
	private int report(DiffOptions options, DiffSide base, DiffSide head, List<AffectedBoards.BoardPair> pairs, int changedFiles,
			ExecutorService pool) throws InterruptedException {
		SarifReport sarif = options.format().equals("sarif") ? new SarifReport(cwd, head.checker(), head.isWorkingTree()) : null;
		List<Future<Rendered>> work = new ArrayList<>();
		for (AffectedBoards.BoardPair pair : pairs) {
			work.add(pool.submit(() -> rendered(options, base, head, pair, sarif)));
		}
		int status = CheckCommand.OK;
		List<BoardDiff> diffs = new ArrayList<>();
		int failed = 0;
		for (int i = 0; i < work.size(); i++) {
			Rendered board;
			try {
				board = work.get(i).get();
			} catch (ExecutionException e) {
				// rendering failed after both checks: the board's one internal finding, the run goes on
				Path at = Path.of(pairs.get(i).name());
				BoardDiff diff = new BoardDiff(pairs.get(i).name(), List.of(), BoardDiff.Change.CHANGED, base.label(), head.label(), List.of(),
						List.of(InternalFailure.finding(at, e.getCause())), List.of(), true);
				board = new Rendered(diff, DiffText.lines(diff), new JsonArray());
			}
			diffs.add(board.diff());
			board.lines().forEach(out::println);
			if (sarif != null) {
				sarif.add(board.sarif());
				if (board.diff().failed()) {
					sarif.internalFailure(Path.of(board.diff().name()));
				}
			}
			failed += board.diff().failed() ? 1 : 0;
			status = Math.max(status, board.diff().status(options.werror()));
		}
		if (sarif != null) {
			out.println(sarif.toJson());
		} else if (!options.format().equals("json")) {
			out.println(DiffText.summary(diffs, changedFiles));
		}
		if (failed > 0) {
			err.println("carveout diff: Carveout failed on " + failed + (failed == 1 ? " board" : " boards"));
		}
		return status;
	}

	/** One board's diff and its rendering in the run's format (SARIF: the new findings, with fixes when on disk). */
	private record Rendered(BoardDiff diff, List<String> lines, JsonArray sarif) {
	}

	private static Rendered rendered(DiffOptions options, DiffSide base, DiffSide head, AffectedBoards.BoardPair pair, SarifReport sarif) {
		BoardComparison.Checked before = BoardComparison.check(base, pair.baseParts());
		BoardComparison.Checked after = BoardComparison.check(head, pair.headParts());
		BoardDiff diff = BoardComparison.compare(pair.name(), base, before, head, after);
		return switch (options.format()) {
			case "markdown" -> new Rendered(diff, DiffMarkdown.lines(diff), null);
			case "json" -> new Rendered(diff, List.of(DiffJson.line(diff)), null);
			case "sarif" -> {
				JsonArray results = new JsonArray();
				if (after != null && !diff.appeared().isEmpty()) {
					CheckResult r = after.result();
					results = sarif.resultsOf(new CheckResult(r.board(), diff.appeared(), r.files(), r.memoryMap(), r.tree(), r.preprocessed(), r.parts()));
				}
				yield new Rendered(diff, List.of(), results);
			}
			default -> new Rendered(diff, DiffText.lines(diff), null);
		};
	}

	private Path realCwd() {
		return realPath(cwd);
	}

	/** The path with links resolved as far as it exists (git names the top folder so). */
	private static Path realPath(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		try {
			return absolute.toRealPath();
		} catch (IOException e) {
			Path parent = absolute.getParent();
			return parent == null ? absolute : realPath(parent).resolve(absolute.getFileName());
		}
	}

	private static List<Path> real(List<Path> parts) {
		return parts.stream().map(DiffCommand::realPath).toList();
	}

	private static String shownName(BoardArgument board, Path real) {
		Path file = realPath(board.file());
		return file.startsWith(real) ? real.relativize(file).toString() : file.toString();
	}
}
