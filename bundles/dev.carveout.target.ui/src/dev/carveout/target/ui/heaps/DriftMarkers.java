package dev.carveout.target.ui.heaps;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;

import dev.carveout.memmap.Finding;
import dev.carveout.memmap.SourceRef;

/**
 * Where the board disagrees with the source, as {@value #TYPE} markers on the DTS (or the .dtsi that defines the
 * node). A type of their own, not dev.carveout.ui.problem: the editor's checks replace their markers on every
 * keystroke, while drift only changes when the board is probed again, so neither may wipe the other's.
 */
public final class DriftMarkers {

	public static final String TYPE = "dev.carveout.target.ui.drift";
	public static final String RULE_ID = "ruleId";
	/** The board file a probe compared with: a new probe of that board replaces exactly its markers. */
	public static final String BOARD = "board";

	private final IWorkspace workspace = ResourcesPlugin.getWorkspace();

	public void replace(IFile board, List<Finding> findings, IProgressMonitor monitor) throws CoreException {
		String boardPath = board.getFullPath().toString();
		workspace.run(m -> {
			for (IMarker old : workspace.getRoot().findMarkers(TYPE, false, IResource.DEPTH_INFINITE)) {
				if (boardPath.equals(old.getAttribute(BOARD, null))) {
					old.delete();
				}
			}
			for (Finding finding : findings) {
				create(board, boardPath, finding);
			}
		}, workspace.getRoot(), IWorkspace.AVOID_UPDATE, monitor);
	}

	private void create(IFile board, String boardPath, Finding finding) throws CoreException {
		SourceRef at = finding.at();
		IFile file = at != null && at.isKnown() ? workspaceFile(at.file()) : null;
		IFile target = file != null ? file : board;
		if (!target.exists()) {
			return;
		}
		IMarker marker = target.createMarker(TYPE);
		marker.setAttribute(IMarker.MESSAGE, message(finding));
		marker.setAttribute(IMarker.SEVERITY, switch (finding.severity()) {
			case ERROR -> IMarker.SEVERITY_ERROR;
			case WARNING -> IMarker.SEVERITY_WARNING;
			default -> IMarker.SEVERITY_INFO;
		});
		marker.setAttribute(RULE_ID, finding.ruleId());
		marker.setAttribute(BOARD, boardPath);
		if (finding.nodePath() != null) {
			marker.setAttribute(IMarker.LOCATION, finding.nodePath());
		}
		if (file != null) {
			marker.setAttribute(IMarker.LINE_NUMBER, Math.max(1, at.line()));
			if (at.length() > 0) {
				marker.setAttribute(IMarker.CHAR_START, at.offset());
				marker.setAttribute(IMarker.CHAR_END, at.offset() + at.length());
			}
		}
	}

	/** The marker's text: the finding's, marked as coming from the board, not from the editor's checks. */
	public static String message(Finding finding) {
		return "Board drift: " + finding.message();
	}

	private IFile workspaceFile(Path path) {
		IFile[] files = workspace.getRoot().findFilesForLocationURI(path.toAbsolutePath().normalize().toUri());
		return files.length == 0 ? null : files[0];
	}
}
