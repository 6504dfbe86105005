package dev.carveout.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.carveout.dts.check.SourceOverlay;

/**
 * A commit's files as the engine reads them: the engine's unsaved-buffer overlay, answering for every path under
 * {@code root}, a folder that does not exist on disk, so a file the commit lacks is missing for the engine even
 * where the working tree has it, and nothing of the working tree leaks into the revision. A path is looked up
 * in the commit's tree with its symbolic links followed there (kbuild's scripts/dtc/include-prefixes are links).
 * Paths outside {@code root} (an include folder outside the repository) are left to the disk.
 */
final class RevisionFiles implements SourceOverlay {

	/** Links followed for one path at most, as the kernel's MAXSYMLINKS (a loop of links ends here). */
	private static final int MAX_LINKS = 40;

	private final GitRepository git;
	private final Map<String, GitRepository.Entry> entries;
	private final Path root;

	RevisionFiles(GitRepository git, Map<String, GitRepository.Entry> entries, Path root) {
		this.git = git;
		this.entries = entries;
		this.root = root;
	}

	@Override
	public Optional<String> contentOf(Path file) {
		Path path = file.toAbsolutePath().normalize();
		if (!path.startsWith(root)) {
			return Optional.empty();
		}
		GitRepository.Entry entry = fileAt(root.relativize(path).toString());
		if (entry == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(git.text(entry.object()));
		} catch (IOException e) {
			// the engine turns this into a finding at the #include that read the file ("cannot read …")
			throw new UncheckedIOException("git cannot read " + path + ": " + e.getMessage(), e);
		}
	}

	/** The regular file at {@code relative} with links followed, or null (absent, a folder, a submodule, a loop). */
	GitRepository.Entry fileAt(String relative) {
		String path = resolved(relative);
		GitRepository.Entry found = path == null ? null : entries.get(path);
		return found != null && found.isFile() ? found : null;
	}

	/** The top-relative path {@code relative} leads to with links followed, or null when it leads nowhere. */
	String resolved(String relative) {
		Deque<String> rest = new ArrayDeque<>(List.of(relative.split("/")));
		Deque<String> walked = new ArrayDeque<>();
		for (int links = 0; !rest.isEmpty();) {
			String name = rest.removeFirst();
			if (name.isEmpty() || name.equals(".")) {
				continue;
			}
			if (name.equals("..")) {
				if (walked.pollLast() == null) {
					return null; // above the repository
				}
				continue;
			}
			walked.addLast(name);
			GitRepository.Entry entry = entries.get(String.join("/", walked));
			if (entry == null) {
				continue; // a folder (ls-tree -r lists files only), or nothing: the lookup at the end says which
			}
			if (entry.isLink()) {
				String target = text(entry);
				if (target == null || target.startsWith("/") || ++links > MAX_LINKS) {
					return null;
				}
				walked.removeLast();
				List<String> parts = List.of(target.split("/"));
				for (int i = parts.size() - 1; i >= 0; i--) {
					rest.addFirst(parts.get(i));
				}
			} else if (!rest.isEmpty()) {
				return null; // a file or submodule used as a folder
			}
		}
		return String.join("/", walked);
	}

	private String text(GitRepository.Entry link) {
		try {
			return git.text(link.object());
		} catch (IOException e) {
			return null;
		}
	}

}
