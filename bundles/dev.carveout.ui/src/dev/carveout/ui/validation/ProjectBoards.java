package dev.carveout.ui.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.ui.prefs.CarveoutPreferences;

/** The boards (.dts files, and .dtso files in their composites) of a project, and checking them from disk. */
public final class ProjectBoards {

	private ProjectBoards() {
	}

	/** Every .dts and .dtso file of the project, derived and team-private resources left out. */
	public static List<IFile> of(IProject project) throws CoreException {
		List<IFile> boards = new ArrayList<>();
		if (!project.isAccessible()) {
			return boards;
		}
		project.accept(proxy -> {
			if (proxy.getType() == IResource.FILE && (proxy.getName().endsWith(".dts") || proxy.getName().endsWith(".dtso"))) {
				boards.add((IFile) proxy.requestResource());
			}
			return !proxy.isDerived() && !proxy.isTeamPrivateMember();
		}, IResource.NONE);
		return boards;
	}

	/** Checks a board (an overlay in its composite) as saved and records what it read in the {@link BoardIndex}. */
	public static CheckResult check(IFile board) {
		Path path = BoardIndex.pathOf(board);
		List<Path> parts = OverlayBoards.partsOf(board);
		CheckResult result = ContainedCheck.check(path,
				() -> new BoardChecker(CarveoutPreferences.settingsFor(board.getProject())).check(parts, SourceOverlay.NONE));
		BoardIndex.record(board, result.files());
		return result;
	}

	/** Checks a board as saved and replaces its markers: what the builder does for each board it checks. */
	public static void checkAndMark(IFile board, IProgressMonitor monitor) throws CoreException {
		Set<Path> affected = new LinkedHashSet<>(BoardIndex.filesOf(board));
		CheckResult result = check(board);
		affected.addAll(result.files());
		new ProblemMarkers().replace(board, affected, result.findings(), monitor);
	}

	/**
	 * Learns which files the project's boards read, checking those never checked since start (nothing when the
	 * builder has run): what an editor on a .dtsi needs to know which boards it may be shown for.
	 */
	public static void index(IProject project, IProgressMonitor monitor) throws CoreException {
		for (IFile board : of(project)) {
			if (monitor.isCanceled()) {
				return;
			}
			if (!BoardIndex.isKnown(board) && board.getLocation() != null) {
				check(board);
			}
		}
	}
}
