package dev.carveout.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckSettings;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.SourceRef;
import dev.carveout.memmap.compare.MapDifference;

/**
 * One side of {@code carveout diff}: a revision's files or the working tree, as the engine sees them. A
 * revision's files appear under {@code root}, a folder that does not exist (see {@link RevisionFiles}); the
 * working tree's are the repository itself. {@link #real} takes what the engine reports back to the repository's
 * paths, so both sides name a file alike.
 */
final class DiffSide {

	private final String label;
	private final Path top;
	private final Path root;
	private final Path shown;
	private final SourceOverlay overlay;
	private final Set<String> files;
	private final BoardChecker checker;

	/**
	 * @param label how reports name the side: a short commit hash or "working tree"
	 * @param top   the repository's top folder ({@code root} too for the working tree)
	 * @param shown how reports name the top folder: relative to the current one when under it ("" there)
	 * @param files the side's files, top-relative, where its boards and Makefiles are looked for
	 */
	DiffSide(String label, Path top, Path root, Path shown, SourceOverlay overlay, Set<String> files, CheckSettings settings) {
		this.label = label;
		this.top = top;
		this.root = root;
		this.shown = shown;
		this.overlay = overlay;
		this.files = files;
		this.checker = new BoardChecker(settings.withIncludeDirs(settings.includeDirs().stream().map(this::side).toList()));
	}

	String label() {
		return label;
	}

	SourceOverlay overlay() {
		return overlay;
	}

	BoardChecker checker() {
		return checker;
	}

	Set<String> files() {
		return files;
	}

	/** Where the engine finds the side's version of a top-relative file. */
	Path path(String relative) {
		return root.resolve(relative);
	}

	/** A file's text on this side (a Makefile), or empty when the side lacks it. */
	Optional<String> text(String relative) {
		Path path = path(relative);
		if (!isWorkingTree()) {
			return overlay.contentOf(path);
		}
		try {
			return Optional.of(Files.readString(path));
		} catch (java.io.IOException e) {
			return Optional.empty();
		}
	}

	/** Whether the side has a regular file at the top-relative path (a revision: in its tree, links followed). */
	boolean has(String relative) {
		Path path = path(relative);
		return isWorkingTree() ? Files.isRegularFile(path) : overlay.contentOf(path).isPresent();
	}

	boolean isWorkingTree() {
		return root.equals(top);
	}

	/** A path of the working tree as this side has it: inside the repository it moves to the side's root. */
	Path side(Path real) {
		Path absolute = real.toAbsolutePath().normalize();
		return absolute.startsWith(top) ? root.resolve(top.relativize(absolute)) : absolute;
	}

	/** The top-relative name of a path the engine reported on this side, or null when it is outside the repository. */
	String relative(Path sidePath) {
		Path absolute = sidePath.toAbsolutePath().normalize();
		return absolute.startsWith(root) ? root.relativize(absolute).toString() : null;
	}

	/**
	 * The top-relative names a file the engine read on this side goes by in git: the path it was found at (through
	 * kbuild's include-prefixes links), each folder on the way (a link that changed), and where its links lead.
	 * Empty outside the repository.
	 */
	List<String> gitNames(Path sidePath) {
		String relative = relative(sidePath);
		if (relative == null) {
			return List.of();
		}
		List<String> names = new java.util.ArrayList<>();
		for (Path p = Path.of(relative); p != null; p = p.getParent()) {
			names.add(p.toString());
		}
		String target = null;
		if (overlay instanceof RevisionFiles revision) {
			target = revision.resolved(relative);
		} else {
			try {
				Path real = path(relative).toRealPath();
				target = real.startsWith(top) ? top.relativize(real).toString() : null;
			} catch (java.io.IOException e) {
				// gone since it was read: the names it was read by still count
			}
		}
		if (target != null) {
			names.add(target);
		}
		return names;
	}

	/** A path the engine reported, back in the repository as reports name it (unchanged outside it). */
	Path real(Path sidePath) {
		if (sidePath == null) {
			return null;
		}
		String relative = relative(sidePath);
		return relative == null ? sidePath : shown.resolve(relative);
	}

	SourceRef real(SourceRef at) {
		return at.file() == null ? at : new SourceRef(real(at.file()), at.line(), at.column(), at.offset(), at.length());
	}

	/** The finding with its places (and paths quoted in its message) in the repository. */
	Finding real(Finding f) {
		String prefix = shown.toString().isEmpty() ? "" : shown + "/";
		String message = f.message().replace(root + "/", prefix);
		List<Finding.Related> related = f.related().stream().map(r -> new Finding.Related(r.what(), real(r.at()))).toList();
		return new Finding(f.ruleId(), f.severity(), message, real(f.at()), f.nodePath(), related);
	}

	/** A difference whose {@code left} (or right, with {@code left} false) place is on this side. */
	MapDifference real(MapDifference d, boolean left) {
		return left ? new MapDifference(d.kind(), d.leftPath(), d.rightPath(), d.leftValue(), d.rightValue(), real(d.leftAt()), d.rightAt())
				: new MapDifference(d.kind(), d.leftPath(), d.rightPath(), d.leftValue(), d.rightValue(), d.leftAt(), real(d.rightAt()));
	}
}
