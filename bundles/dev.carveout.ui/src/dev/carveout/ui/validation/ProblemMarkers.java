package dev.carveout.ui.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.MultiRule;

import dev.carveout.memmap.Finding;
import dev.carveout.memmap.Severity;
import dev.carveout.memmap.SourceRef;
import dev.carveout.ui.CarveoutUi;

/**
 * Writes findings as {@code dev.carveout.ui.problem} markers: each finding goes on the workspace file its
 * source reference names (a finding from an included .dtsi goes on the .dtsi), and the old markers of every
 * file touched are replaced in one workspace operation so the Problems view never shows half an update.
 * The one marker writer of the bundle: the editors' checks and the project builder both come here.
 *
 * <p>A file included by several boards shows the problems of its owner only ({@link BoardIndex#ownerOf}), so
 * a SoC .dtsi shared by ten boards does not list each overlap ten times.
 */
public final class ProblemMarkers {

	private final IWorkspace workspace = ResourcesPlugin.getWorkspace();

	/**
	 * @param board    the file that was checked; findings without a known location go on it
	 * @param affected every file whose markers this check owns (the board's sources, now and before)
	 */
	public void replace(IFile board, Collection<Path> affected, List<Finding> findings, IProgressMonitor monitor)
			throws CoreException {
		Set<IFile> files = new LinkedHashSet<>();
		files.add(board);
		for (Path path : affected) {
			files.addAll(workspaceFiles(path));
		}
		workspace.run(m -> {
			for (IFile file : files) {
				if (file.exists()) {
					removeOld(file, board);
				}
			}
			for (Finding finding : findings) {
				create(board, finding);
			}
		}, markerRule(files), IWorkspace.AVOID_UPDATE, monitor);
	}

	/** The file's owner clears it entirely (stale markers of a former owner go too); others only their own. */
	private static void removeOld(IFile file, IFile board) throws CoreException {
		if (BoardIndex.ownerOf(file).equals(board)) {
			file.deleteMarkers(CarveoutUi.PROBLEM_MARKER, false, IResource.DEPTH_ZERO);
			return;
		}
		String boardPath = board.getFullPath().toString();
		for (IMarker marker : file.findMarkers(CarveoutUi.PROBLEM_MARKER, false, IResource.DEPTH_ZERO)) {
			if (boardPath.equals(marker.getAttribute(CarveoutUi.BOARD_ATTRIBUTE, ""))) {
				marker.delete();
			}
		}
	}

	private void create(IFile board, Finding finding) throws CoreException {
		SourceRef at = finding.at();
		List<IFile> targets = at != null && at.isKnown() ? workspaceFiles(at.file()) : List.of();
		IFile target = targets.isEmpty() ? board : targets.get(0);
		if (!target.exists() || !BoardIndex.ownerOf(target).equals(board)) {
			return;
		}
		IMarker marker = target.createMarker(CarveoutUi.PROBLEM_MARKER);
		// A finding in a file outside the workspace (a kernel include directory) lands on the board; keep its place.
		boolean relocated = targets.isEmpty() && at != null && at.isKnown();
		marker.setAttribute(IMarker.MESSAGE, relocated ? finding.message() + " (at " + at + ")" : finding.message());
		marker.setAttribute(IMarker.SEVERITY, markerSeverity(finding.severity()));
		marker.setAttribute(CarveoutUi.RULE_ID_ATTRIBUTE, finding.ruleId());
		marker.setAttribute(CarveoutUi.BOARD_ATTRIBUTE, board.getFullPath().toString());
		if (finding.nodePath() != null) {
			marker.setAttribute(IMarker.LOCATION, finding.nodePath());
		}
		if (!targets.isEmpty()) {
			marker.setAttribute(IMarker.LINE_NUMBER, Math.max(1, at.line()));
			if (at.length() > 0) {
				marker.setAttribute(IMarker.CHAR_START, at.offset());
				marker.setAttribute(IMarker.CHAR_END, at.offset() + at.length());
			}
		} else {
			marker.setAttribute(IMarker.LINE_NUMBER, 1);
		}
	}

	private List<IFile> workspaceFiles(Path path) {
		if (path == null) {
			return List.of();
		}
		List<IFile> files = new ArrayList<>();
		for (IFile file : workspace.getRoot().findFilesForLocationURI(path.toUri())) {
			if (file.isAccessible()) {
				files.add(file);
			}
		}
		return files;
	}

	private ISchedulingRule markerRule(Set<IFile> files) {
		ISchedulingRule rule = null;
		for (IFile file : files) {
			rule = MultiRule.combine(rule, workspace.getRuleFactory().markerRule(file));
		}
		return rule;
	}

	private static int markerSeverity(Severity severity) {
		return switch (severity) {
			case ERROR -> IMarker.SEVERITY_ERROR;
			case WARNING -> IMarker.SEVERITY_WARNING;
			case INFO, OFF -> IMarker.SEVERITY_INFO;
		};
	}
}
