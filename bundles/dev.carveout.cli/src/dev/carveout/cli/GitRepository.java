package dev.carveout.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A git repository read through the git command itself (no library: the machine's git is what the user's
 * revisions and configuration live in): revisions, the files that changed between two, a commit's tree and the
 * text of its files. One long-running {@code git cat-file --batch} serves every file read, from any thread.
 */
final class GitRepository implements AutoCloseable {

	/** A problem git reported (outside a repository, an unknown revision), in words for the command line. */
	static final class GitException extends Exception {
		private static final long serialVersionUID = 1L;

		GitException(String message) {
			super(message);
		}
	}

	/** One entry of a commit's tree: its mode (100644 a file, 120000 a symbolic link, 160000 a submodule) and object. */
	record Entry(String mode, String object) {
		boolean isFile() {
			return mode.startsWith("100");
		}

		boolean isLink() {
			return mode.equals("120000");
		}
	}

	private final Path top;
	private final Map<String, String> blobs = new ConcurrentHashMap<>();
	private Process catFile;
	private OutputStream catFileIn;
	private InputStream catFileOut;

	private GitRepository(Path top) {
		this.top = top;
	}

	/** The repository {@code dir} is in; a {@link GitException} when it is in none or git is missing. */
	static GitRepository containing(Path dir) throws GitException {
		String top = run(dir, "rev-parse", "--show-toplevel").strip();
		if (top.isEmpty()) {
			throw new GitException("not inside a git work tree: " + dir.toAbsolutePath());
		}
		return new GitRepository(Path.of(top));
	}

	/** The repository's top folder, symbolic links resolved (as git prints it). */
	Path top() {
		return top;
	}

	/** The commit {@code revision} names (a branch, a tag, HEAD~2, a hash), or a {@link GitException} naming it. */
	String commit(String revision) throws GitException {
		try {
			return run(top, "rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}").strip();
		} catch (GitException e) {
			throw new GitException("unknown revision: " + revision);
		}
	}

	/**
	 * The files that differ between {@code base} and {@code head} (top-relative, a rename as a removal and an
	 * addition); with {@code head} null, between {@code base} and the working tree, untracked files included.
	 */
	List<String> changedFiles(String base, String head) throws GitException {
		List<String> changed = new ArrayList<>(head == null ? nulSeparated(run(top, "diff", "--name-only", "-z", "--no-renames", base))
				: nulSeparated(run(top, "diff", "--name-only", "-z", "--no-renames", base, head)));
		if (head == null) {
			changed.addAll(untrackedFiles());
		}
		return changed;
	}

	/** The working tree's files: tracked ones and untracked ones git does not ignore (a new board not added yet). */
	List<String> workingTreeFiles() throws GitException {
		List<String> files = new ArrayList<>(nulSeparated(run(top, "ls-files", "-z", "--cached")));
		files.addAll(untrackedFiles());
		return files;
	}

	private List<String> untrackedFiles() throws GitException {
		return nulSeparated(run(top, "ls-files", "-z", "--others", "--exclude-standard"));
	}

	/** Every file, link and submodule of {@code commit}'s tree, by top-relative path. */
	Map<String, Entry> tree(String commit) throws GitException {
		Map<String, Entry> entries = new LinkedHashMap<>();
		// "<mode> SP <type> SP <object> TAB <path>" per entry
		for (String line : nulSeparated(run(top, "ls-tree", "-r", "-z", "--full-tree", commit))) {
			int tab = line.indexOf('\t');
			String[] fields = line.substring(0, tab).split(" ");
			entries.put(line.substring(tab + 1), new Entry(fields[0], fields[2]));
		}
		return entries;
	}

	/** The text of a blob, UTF-8 as the engine reads files; read once per object (objects never change). */
	String text(String object) throws IOException {
		String known = blobs.get(object);
		if (known != null) {
			return known;
		}
		String text = new String(read(object), StandardCharsets.UTF_8);
		blobs.put(object, text);
		return text;
	}

	private synchronized byte[] read(String object) throws IOException {
		if (catFile == null) {
			catFile = new ProcessBuilder("git", "-C", top.toString(), "cat-file", "--batch")
					.redirectError(ProcessBuilder.Redirect.DISCARD).start();
			catFileIn = catFile.getOutputStream();
			catFileOut = new BufferedInputStream(catFile.getInputStream());
		}
		catFileIn.write((object + "\n").getBytes(StandardCharsets.US_ASCII));
		catFileIn.flush();
		// "<object> SP <type> SP <size> LF <contents> LF", or "<object> SP missing LF"
		String header = headerLine();
		String[] fields = header.split(" ");
		if (fields.length != 3) {
			throw new IOException("git cat-file: " + header);
		}
		byte[] contents = catFileOut.readNBytes(Integer.parseInt(fields[2]));
		catFileOut.read();
		return contents;
	}

	private String headerLine() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int c = catFileOut.read(); c != '\n'; c = catFileOut.read()) {
			if (c < 0) {
				throw new IOException("git cat-file ended");
			}
			line.write(c);
		}
		return line.toString(StandardCharsets.UTF_8);
	}

	@Override
	public synchronized void close() {
		if (catFile != null) {
			catFile.destroy();
		}
	}

	private static List<String> nulSeparated(String output) {
		return Arrays.stream(output.split("\0")).filter(s -> !s.isEmpty()).toList();
	}

	/** Runs git in {@code dir}; its first line of stderr becomes the exception when it fails. */
	private static String run(Path dir, String... args) throws GitException {
		List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).start();
			process.getOutputStream().close();
			CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> {
				try {
					return process.getErrorStream().readAllBytes();
				} catch (IOException e) {
					return new byte[0];
				}
			});
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.waitFor() != 0) {
				String message = new String(stderr.join(), StandardCharsets.UTF_8).strip();
				throw new GitException(message.isEmpty() ? "git " + String.join(" ", args) + " failed" : message.lines().findFirst().get());
			}
			return out;
		} catch (IOException e) {
			throw new GitException("cannot run git (is it installed?): " + e.getMessage());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new GitException("interrupted while running git");
		}
	}
}
