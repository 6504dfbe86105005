package dev.carveout.ui.validation;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.QualifiedName;

import dev.carveout.ui.CarveoutUi;

/**
 * Which files each board is read from, as its last check found them (the builder's and the editors' checks
 * feed it), and so which boards a shared .dtsi or header belongs to. Each file shows the problems of one
 * board only, its <em>owner</em>: the board the user chose for it (remembered as a persistent property of the
 * file), else the file itself when it is a board, else the first board, by workspace path, that includes it.
 */
public final class BoardIndex {

	/** Persistent property of a shared file: the workspace path of the board it is shown for. */
	public static final QualifiedName CHOSEN_BOARD = new QualifiedName(CarveoutUi.PLUGIN_ID, "board");

	private static final Map<IFile, Set<Path>> FILES_OF_BOARD = new ConcurrentHashMap<>();

	private BoardIndex() {
	}

	/** Records what a check of {@code board} read. */
	public static void record(IFile board, Set<Path> files) {
		FILES_OF_BOARD.put(board, Set.copyOf(files));
	}

	/** Forgets a board that was deleted. */
	public static void forget(IFile board) {
		FILES_OF_BOARD.remove(board);
	}

	/** The files the board read at its last check; empty when it was never checked. */
	public static Set<Path> filesOf(IFile board) {
		return FILES_OF_BOARD.getOrDefault(board, Set.of());
	}

	/** Whether the board has been checked since the workbench started. */
	public static boolean isKnown(IFile board) {
		return FILES_OF_BOARD.containsKey(board);
	}

	/**
	 * The boards (.dts and .dtso files other than {@code file}) whose last check read {@code file}: the .dts
	 * boards by workspace path, then the overlays (whose composites read their base's files too).
	 */
	public static List<IFile> includers(IFile file) {
		Path path = pathOf(file);
		if (path == null) {
			return List.of();
		}
		return FILES_OF_BOARD.entrySet().stream()
				.filter(e -> isBoard(e.getKey()) && !e.getKey().equals(file) && e.getKey().exists()
						&& e.getValue().contains(path))
				.map(Map.Entry::getKey).sorted(Comparator.comparing(OverlayBoards::isOverlay)
						.thenComparing(f -> f.getFullPath().toString())).toList();
	}

	/** The board whose problems {@code file} shows; the file itself when nothing includes it. */
	public static IFile ownerOf(IFile file) {
		List<IFile> includers = includers(file);
		IFile chosen = chosenBoard(file);
		if (chosen != null && (includers.contains(chosen) || !isKnown(chosen))) {
			return chosen;
		}
		if (isBoard(file) || includers.isEmpty()) {
			return file;
		}
		return includers.get(0);
	}

	/** The board the user chose for a shared file, or null. */
	public static IFile chosenBoard(IFile file) {
		try {
			String value = file.exists() ? file.getPersistentProperty(CHOSEN_BOARD) : null;
			IResource board = value == null ? null : ResourcesPlugin.getWorkspace().getRoot().findMember(value);
			return board instanceof IFile f && f.exists() ? f : null;
		} catch (CoreException e) {
			return null;
		}
	}

	/** Remembers (across restarts) which board a shared file is shown for. */
	public static void choose(IFile file, IFile board) throws CoreException {
		file.setPersistentProperty(CHOSEN_BOARD, board == null ? null : board.getFullPath().toString());
	}

	/**
	 * A board is a .dts file, or a .dtso checked in its composite ({@link OverlayBoards}); .dtsi and headers only
	 * mean something inside one.
	 */
	public static boolean isBoard(IFile file) {
		return "dts".equals(file.getFileExtension()) || OverlayBoards.isOverlay(file);
	}

	public static Path pathOf(IFile file) {
		return file.getLocation() == null ? null : file.getLocation().toFile().toPath().toAbsolutePath().normalize();
	}
}
