package dev.carveout.ui.validation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.resources.IFile;
import org.eclipse.swt.widgets.Display;

import dev.carveout.dts.check.CheckResult;

/**
 * The last check of each board open in a Carveout editor, for views that show more than markers (the Memory
 * Map view). Boards are keyed by the workspace file the editor shows; two editors on one file share a
 * document, so they share a result too.
 */
public final class CheckResults {

	/** Told on the UI thread each time a board has been checked. */
	public interface Listener {
		void checked(IFile board, CheckResult result);
	}

	private static final Map<IFile, CheckResult> LATEST = new ConcurrentHashMap<>();
	private static final List<Listener> LISTENERS = new CopyOnWriteArrayList<>();

	private CheckResults() {
	}

	/** The last result for the board, or null while it has not been checked (or its editor is closed). */
	public static CheckResult latest(IFile board) {
		return board == null ? null : LATEST.get(board);
	}

	public static void addListener(Listener listener) {
		LISTENERS.add(listener);
	}

	public static void removeListener(Listener listener) {
		LISTENERS.remove(listener);
	}

	/** Called from the checking job's thread; listeners hear of it on the UI thread. */
	static void publish(IFile board, CheckResult result) {
		LATEST.put(board, result);
		Display display = Display.getDefault();
		if (!display.isDisposed()) {
			display.asyncExec(() -> {
				// A newer check may have landed while this notification waited: only announce the latest.
				if (LATEST.get(board) == result) {
					LISTENERS.forEach(listener -> listener.checked(board, result));
				}
			});
		}
	}

	/** Drops the result of a board nobody edits any more, so a closed editor's map does not linger. */
	public static void forget(IFile board) {
		LATEST.remove(board);
	}
}
