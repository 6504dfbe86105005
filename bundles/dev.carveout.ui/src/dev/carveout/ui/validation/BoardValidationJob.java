package dev.carveout.ui.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.xtext.service.OperationCanceledError;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.InternalFailure;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.dts.fix.QuickFixes;
import dev.carveout.memmap.Finding;
import dev.carveout.ui.CarveoutUi;
import dev.carveout.ui.prefs.CarveoutPreferences;

/**
 * Checks the board an editor shows, with the editor's unsaved text standing in for the file on disk, and
 * replaces the problem markers of every file the board is read from, then publishes the result through
 * {@link CheckResults}. An editor on a .dtsi or header checks the board that file belongs to
 * ({@link BoardIndex#ownerOf}), with the unsaved text in its place. Scheduled again on each keystroke, so
 * only the last edit of a burst is checked; never runs on the UI thread.
 */
public final class BoardValidationJob extends Job {

	/**
	 * How long typing must pause before the board is checked; the latency benchmark sets
	 * {@code carveout.typingDelayMs=0} to time the check itself.
	 */
	public static final long TYPING_DELAY_MS = Long.getLong("carveout.typingDelayMs", 300);

	/** The jobs of open editors: the builder leaves their boards to them, as they know the unsaved text. */
	private static final Set<BoardValidationJob> LIVE = ConcurrentHashMap.newKeySet();

	private final IFile file;
	private final Supplier<String> editorText;
	private final Consumer<String> checkedText;
	private final ProblemMarkers markers = new ProblemMarkers();
	/** Files the previous check read; their markers are cleared even if the board no longer includes them. */
	private Set<Path> previousFiles = Set.of();
	/** Counts the checks that wrote markers, so an explanation of an older check never overwrites a newer one. */
	private volatile long checksWritten;

	/**
	 * @param editorText  reads the editor's current text; null once the editor is closed, and then the file
	 *                    is checked as saved
	 * @param checkedText told each text that was checked, so views like the outline follow the same edits
	 */
	public BoardValidationJob(IFile file, Supplier<String> editorText, Consumer<String> checkedText) {
		super("Checking " + file.getName());
		this.file = file;
		this.editorText = editorText;
		this.checkedText = checkedText;
		setSystem(true);
		// Not DECORATE: the job manager holds those back 1000 ms / cores before they run (500 ms on two cores),
		// longer than the check itself; the user is waiting for these markers, and the typing delay already
		// keeps the check from running on every keystroke.
		setPriority(INTERACTIVE);
		LIVE.add(this);
	}

	/** The editor was closed: after its last check, the builder is in charge of the board again. */
	public void retire() {
		LIVE.remove(this);
	}

	/** The board this job checks now: the editor's file, or the board a .dtsi or header is shown for. */
	public IFile board() {
		return BoardIndex.ownerOf(file);
	}

	/**
	 * Re-checks {@code board} in the open editors that check it, with their unsaved text.
	 *
	 * @return whether any editor does, so the builder need not check it from disk
	 */
	public static boolean recheckLive(IFile board) {
		boolean any = false;
		for (BoardValidationJob job : LIVE) {
			if (job.board().equals(board)) {
				job.checkAfter(0);
				any = true;
			}
		}
		return any;
	}

	/** Checks after {@code delayMs}, replacing a check that is scheduled or running. */
	public void checkAfter(long delayMs) {
		cancel();
		schedule(delayMs);
	}

	/** Checks again in the open editors on {@code file}; whether there is one. */
	public static boolean recheckEditorsOf(IFile file) {
		boolean any = false;
		for (BoardValidationJob job : LIVE) {
			if (job.file.equals(file)) {
				job.checkAfter(0);
				any = true;
			}
		}
		return any;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		if (file.getLocation() == null || !file.exists() || monitor.isCanceled()) {
			return Status.CANCEL_STATUS;
		}
		Path path = BoardIndex.pathOf(file);
		try {
			// After a restart nothing is known yet: learn the boards of a Carveout project (a kernel tree without
			// the nature is not checked board by board behind the user's back; its .dtsi is checked on its own).
			if (!BoardIndex.isBoard(file) && BoardIndex.includers(file).isEmpty()
					&& file.getProject().hasNature(CarveoutUi.NATURE_ID)) {
				ProjectBoards.index(file.getProject(), monitor);
			}
		} catch (CoreException e) {
			return Status.error("Cannot list the boards of " + file.getProject().getName(), e);
		}
		IFile board = board();
		if (board.getLocation() == null) {
			return Status.CANCEL_STATUS;
		}
		String text = editorText.get();
		SourceOverlay overlay = SourceOverlay.NONE;
		if (text != null) {
			overlay = SourceOverlay.of(Map.of(path, text));
		}
		BoardChecker checker = new BoardChecker(CarveoutPreferences.settingsFor(board.getProject()));
		SourceOverlay checkedOverlay = overlay;
		CheckResult result;
		try {
			// An overlay is checked in its composite, base first; its own findings land in it, the base's stay the base's.
			List<Path> parts = OverlayBoards.partsOf(board);
			result = ContainedCheck.check(BoardIndex.pathOf(board), () -> checker.check(parts, checkedOverlay, monitor::isCanceled));
		} catch (OperationCanceledError | OperationCanceledException e) {
			return Status.CANCEL_STATUS; // the next keystroke cancelled it (checkAfter): its markers would be stale
		}
		if (monitor.isCanceled()) {
			return Status.CANCEL_STATUS;
		}
		BoardIndex.record(board, result.files());
		Set<Path> affected = new LinkedHashSet<>(previousFiles);
		affected.addAll(result.files());
		long check;
		try {
			synchronized (markers) {
				check = ++checksWritten;
				markers.replace(board, affected, result.findings(), monitor);
			}
		} catch (CoreException e) {
			return Status.error("Cannot update Carveout problem markers of " + board.getFullPath(), e);
		}
		previousFiles = Set.copyOf(result.files());
		CheckResults.publish(file, result);
		if (text != null) {
			// After the markers, not before: the outline parses the text again, and markers are what typing waits for.
			checkedText.accept(text);
		}
		explainUnfixable(check, board, affected, checker, result, overlay);
		return Status.OK_STATUS;
	}

	/**
	 * A finding a macro keeps from being fixed says so in its marker. Finding that out parses the files of the
	 * findings again (a large SoC .dtsi takes tens of milliseconds), so it runs in a job of its own after the
	 * markers are there, and only where a reason exists are they written again, unless a newer check came first.
	 */
	private void explainUnfixable(long check, IFile board, Set<Path> affected, BoardChecker checker, CheckResult result,
			SourceOverlay overlay) {
		Job explanation = new Job("Explaining unfixable findings of " + board.getName()) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				if (check != checksWritten) {
					return Status.OK_STATUS; // a newer check wrote its markers and has its own explanation coming
				}
				List<Finding> explained;
				try {
					explained = new QuickFixes(checker).explained(result, overlay);
				} catch (Throwable failure) {
					// The check's markers stand; the failure joins them instead of ending the job.
					ContainedCheck.logged(result.board().toString(), failure);
					explained = new ArrayList<>(result.findings());
					explained.add(InternalFailure.finding(result.board(), failure));
				}
				if (explained.equals(result.findings())) {
					return Status.OK_STATUS;
				}
				try {
					synchronized (markers) {
						if (check == checksWritten && !monitor.isCanceled()) {
							markers.replace(board, affected, explained, monitor);
						}
					}
				} catch (CoreException e) {
					return Status.error("Cannot update Carveout problem markers of " + board.getFullPath(), e);
				}
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return CarveoutUi.PROBLEM_MARKER.equals(family);
			}
		};
		explanation.setSystem(true);
		explanation.setPriority(DECORATE);
		explanation.schedule();
	}

	@Override
	public boolean belongsTo(Object family) {
		return CarveoutUi.PROBLEM_MARKER.equals(family);
	}
}
