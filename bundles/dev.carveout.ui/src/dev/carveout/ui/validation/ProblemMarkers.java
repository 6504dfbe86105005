package dev.carveout.ui.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
		Update update = new Update(board);
		Set<IFile> files = new LinkedHashSet<>();
		files.add(board);
		for (Path path : affected) {
			files.addAll(update.workspaceFiles(path));
		}
		workspace.run(m -> {
			for (IFile file : files) {
				if (file.exists()) {
					update.removeOld(file);
				}
			}
			for (Finding finding : findings) {
				update.create(finding);
			}
		}, markerRule(files), IWorkspace.AVOID_UPDATE, monitor);
	}

	/**
	 * One replacement: which workspace files a path is, and which files the board owns, asked once each (a
	 * large board has hundreds of findings in a few files, and ownership reads a persistent property).
	 */
	private final class Update {
		private final IFile board;
		private final Map<Path, List<IFile>> filesAt = new HashMap<>();
		private final Map<IFile, Boolean> owned = new HashMap<>();

		Update(IFile board) {
			this.board = board;
		}

		List<IFile> workspaceFiles(Path path) {
			return path == null ? List.of() : filesAt.computeIfAbsent(path, ProblemMarkers.this::workspaceFiles);
		}

		boolean owns(IFile file) {
			return owned.computeIfAbsent(file, f -> BoardIndex.ownerOf(f).equals(board));
		}

		/** The file's owner clears it entirely (stale markers of a former owner go too); others only their own. */
		void removeOld(IFile file) throws CoreException {
			if (owns(file)) {
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

		void create(Finding finding) throws CoreException {
			SourceRef at = finding.at();
			List<IFile> targets = at != null && at.isKnown() ? workspaceFiles(at.file()) : List.of();
			IFile target = targets.isEmpty() ? board : targets.get(0);
			if (!target.exists() || !owns(target)) {
				return;
			}
			Map<String, Object> attributes = new HashMap<>();
			// A finding in a file outside the workspace (a kernel include directory) lands on the board; keep its place.
			boolean relocated = targets.isEmpty() && at != null && at.isKnown();
			attributes.put(IMarker.MESSAGE, relocated ? finding.message() + " (at " + at + ")" : finding.message());
			attributes.put(IMarker.SEVERITY, markerSeverity(finding.severity()));
			attributes.put(CarveoutUi.RULE_ID_ATTRIBUTE, finding.ruleId());
			attributes.put(CarveoutUi.BOARD_ATTRIBUTE, board.getFullPath().toString());
			if (finding.nodePath() != null) {
				attributes.put(IMarker.LOCATION, finding.nodePath());
			}
			if (!targets.isEmpty()) {
				attributes.put(IMarker.LINE_NUMBER, Math.max(1, at.line()));
				if (at.length() > 0) {
					attributes.put(IMarker.CHAR_START, at.offset());
					attributes.put(IMarker.CHAR_END, at.offset() + at.length());
				}
			} else {
				attributes.put(IMarker.LINE_NUMBER, 1);
			}
			// One change per marker, not one per attribute.
			target.createMarker(CarveoutUi.PROBLEM_MARKER, attributes);
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
