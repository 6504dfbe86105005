package dev.carveout.ui.builder;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import dev.carveout.ui.CarveoutUi;
import dev.carveout.ui.validation.BoardIndex;
import dev.carveout.ui.validation.BoardValidationJob;
import dev.carveout.ui.validation.ProjectBoards;

/**
 * Checks the boards of a Carveout project when their sources change, with the same checker and marker writer
 * as the editor. A board is checked again when it changes or when any file its last check read changes (a
 * .dtsi, a dt-bindings header), so editing a SoC file on disk re-marks every board that includes it. Boards
 * open in an editor are left to the editor, which checks them with its unsaved text.
 */
public final class BoardBuilder extends IncrementalProjectBuilder {

	public static final String ID = CarveoutUi.PLUGIN_ID + ".boardBuilder";

	@Override
	protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
		IResourceDelta delta = kind == FULL_BUILD ? null : getDelta(getProject());
		Set<Path> changed = delta == null ? null : changedFiles(delta);
		var boards = ProjectBoards.of(getProject());
		SubMonitor progress = SubMonitor.convert(monitor, "Checking boards of " + getProject().getName(), boards.size());
		for (IFile board : boards) {
			if (progress.isCanceled()) {
				throw new org.eclipse.core.runtime.OperationCanceledException();
			}
			if (changed == null || needsCheck(board, changed)) {
				progress.subTask(board.getName());
				check(board, progress);
			}
			progress.worked(1);
		}
		return null;
	}

	@Override
	protected void clean(IProgressMonitor monitor) throws CoreException {
		getProject().deleteMarkers(CarveoutUi.PROBLEM_MARKER, false, IResource.DEPTH_INFINITE);
	}

	private static boolean needsCheck(IFile board, Set<Path> changed) {
		if (!BoardIndex.isKnown(board)) {
			return true;
		}
		for (Path file : BoardIndex.filesOf(board)) {
			if (changed.contains(file)) {
				return true;
			}
		}
		return false;
	}

	private void check(IFile board, IProgressMonitor monitor) throws CoreException {
		if (board.getLocation() == null || BoardValidationJob.recheckLive(board)) {
			return;
		}
		ProjectBoards.checkAndMark(board, monitor);
	}

	/** Where each added, changed or removed file of the delta lives on disk; deleted boards are forgotten. */
	private static Set<Path> changedFiles(IResourceDelta delta) throws CoreException {
		Set<Path> changed = new HashSet<>();
		delta.accept(d -> {
			if (d.getResource() instanceof IFile file) {
				if (d.getKind() == IResourceDelta.CHANGED && (d.getFlags() & IResourceDelta.CONTENT) == 0) {
					return false; // only markers or properties changed: nothing to read again
				}
				if (d.getKind() == IResourceDelta.REMOVED) {
					BoardIndex.forget(file);
				}
				Path path = locationOf(file);
				if (path != null) {
					changed.add(path);
				}
			}
			return true;
		});
		return changed;
	}

	private static Path locationOf(IFile file) {
		// A removed file has no location any more; its project-relative place under the project's does.
		var location = file.getLocation() != null ? file.getLocation()
				: file.getProject().getLocation() == null ? null
						: file.getProject().getLocation().append(file.getProjectRelativePath());
		return location == null ? null : location.toFile().toPath().toAbsolutePath().normalize();
	}
}
