package dev.carveout.ui.validation;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.dts.fix.QuickFixes;
import dev.carveout.ui.CarveoutUi;
import dev.carveout.ui.prefs.CarveoutPreferences;

/**
 * Checks the board an editor shows, with the editor's unsaved text standing in for the file on disk, and
 * replaces the problem markers of every file the board is read from, then publishes the result through
 * {@link CheckResults}. Scheduled again on each keystroke, so
 * only the last edit of a burst is checked; never runs on the UI thread.
 */
public final class BoardValidationJob extends Job {

	/** How long typing must pause before the board is checked. */
	public static final long TYPING_DELAY_MS = 300;

	private final IFile file;
	private final Supplier<String> editorText;
	private final Consumer<String> checkedText;
	private final ProblemMarkers markers = new ProblemMarkers();
	/** Files the previous check read; their markers are cleared even if the board no longer includes them. */
	private Set<Path> previousFiles = Set.of();

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
		setPriority(DECORATE);
	}

	/** Checks after {@code delayMs}, replacing a check that is scheduled or running. */
	public void checkAfter(long delayMs) {
		cancel();
		schedule(delayMs);
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		if (file.getLocation() == null || !file.exists() || monitor.isCanceled()) {
			return Status.CANCEL_STATUS;
		}
		Path path = file.getLocation().toFile().toPath().toAbsolutePath().normalize();
		String text = editorText.get();
		SourceOverlay overlay = SourceOverlay.NONE;
		if (text != null) {
			checkedText.accept(text);
			overlay = SourceOverlay.of(Map.of(path, text));
		}
		BoardChecker checker = new BoardChecker(CarveoutPreferences.settingsFor(file.getProject()));
		CheckResult result = checker.check(path, overlay);
		if (monitor.isCanceled()) {
			return Status.CANCEL_STATUS;
		}
		Set<Path> affected = new LinkedHashSet<>(previousFiles);
		affected.addAll(result.files());
		try {
			// A finding a macro keeps from being fixed says so in its marker.
			markers.replace(file, affected, new QuickFixes(checker).explained(result, overlay), monitor);
		} catch (CoreException e) {
			return Status.error("Cannot update Carveout problem markers of " + file.getFullPath(), e);
		}
		previousFiles = Set.copyOf(result.files());
		CheckResults.publish(file, result);
		return Status.OK_STATUS;
	}

	@Override
	public boolean belongsTo(Object family) {
		return CarveoutUi.PROBLEM_MARKER.equals(family);
	}
}
