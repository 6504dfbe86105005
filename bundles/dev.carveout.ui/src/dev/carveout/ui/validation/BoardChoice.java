package dev.carveout.ui.validation;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ICoreRunnable;
import org.eclipse.core.runtime.jobs.Job;

/** The user picks which board a shared .dtsi (or header) is shown for, and which composite an overlay is shown in. */
public final class BoardChoice {

	private BoardChoice() {
	}

	/**
	 * Remembers the choice and re-marks the file for that board: through its open editors (which check with
	 * their unsaved text), else by checking the board as saved.
	 */
	public static void choose(IFile file, IFile board) throws CoreException {
		BoardIndex.choose(file, board);
		recheck(file, board);
	}

	/** Remembers the composite an overlay is shown in (base first) and re-marks the overlay for it, as above. */
	public static void chooseComposite(IFile overlay, List<Path> parts) throws CoreException {
		OverlayBoards.choose(overlay, parts);
		recheck(overlay, overlay);
	}

	private static void recheck(IFile file, IFile board) {
		if (BoardValidationJob.recheckEditorsOf(file)) {
			return;
		}
		Job job = Job.create("Checking " + board.getName(), (ICoreRunnable) monitor -> ProjectBoards.checkAndMark(board, monitor));
		job.setSystem(true);
		job.schedule();
	}
}
