package dev.carveout.target.ui.zram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Path;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;

import dev.carveout.zram.ConfigFile;
import dev.carveout.zram.ConfigSet;
import dev.carveout.zram.Diagnostic;
import dev.carveout.zram.ZramConfig;
import dev.carveout.zram.ZramConfigFiles;
import dev.carveout.zram.ZramConfigParser;

/**
 * Keeps the markers of zram configuration files in step with their content: every added or changed file that
 * {@link ZramConfigFiles} recognises is parsed again on save, and its diagnostics become markers of
 * {@link #MARKER_TYPE}. A resource listener rather than a builder, so no project needs a Carveout nature.
 */
public final class ZramConfigMarkers implements IResourceChangeListener {

	public static final String MARKER_TYPE = "dev.carveout.target.ui.zramProblem";

	private final IWorkspace workspace;

	public ZramConfigMarkers(IWorkspace workspace) {
		this.workspace = workspace;
	}

	/** Starts listening and checks the zram files already in the workspace. */
	public void install() {
		workspace.addResourceChangeListener(this, IResourceChangeEvent.POST_CHANGE);
		List<IFile> existing = new ArrayList<>();
		try {
			workspace.getRoot().accept(resource -> {
				if (resource instanceof IFile file && isZramConfig(file)) {
					existing.add(file);
				}
				return true;
			});
		} catch (CoreException e) {
			// an inaccessible project: its files are checked when they change
		}
		schedule(existing);
	}

	public void uninstall() {
		workspace.removeResourceChangeListener(this);
	}

	/** The folder of the file's configuration set (its markers all change together), or the file alone. */
	private static ISchedulingRule setRule(IFile file) {
		Optional<ConfigSet.Location> location = ConfigSet.locate(file.getFullPath().toString());
		IResource folder = location.isEmpty() ? null
				: file.getWorkspace().getRoot().findMember(new Path(location.get().root()));
		return folder != null ? folder : file;
	}

	static boolean isZramConfig(IFile file) {
		return ZramConfigFiles.isZramConfig(file.getFullPath().toString());
	}

	@Override
	public void resourceChanged(IResourceChangeEvent event) {
		List<IFile> changed = new ArrayList<>();
		try {
			event.getDelta().accept(delta -> {
				if (delta.getResource() instanceof IFile file && isZramConfig(file)
						&& (delta.getKind() == IResourceDelta.ADDED
								|| delta.getKind() == IResourceDelta.CHANGED && (delta.getFlags() & IResourceDelta.CONTENT) != 0)) {
					changed.add(file);
				}
				return true;
			});
		} catch (CoreException e) {
			return;
		}
		schedule(changed);
	}

	/**
	 * Markers cannot be changed inside a resource notification: a job does it, one configuration set at a time (a
	 * file added to a set can decide whether another one is read at all).
	 */
	private void schedule(List<IFile> files) {
		for (IFile file : files) {
			WorkspaceJob job = new WorkspaceJob("Check zram configuration " + file.getName()) {
				@Override
				public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
					if (file.exists()) {
						for (IFile member : WorkspaceConfigSet.of(file).files().values()) {
							update(member);
						}
					}
					return Status.OK_STATUS;
				}
			};
			job.setRule(setRule(file));
			job.setSystem(true);
			job.schedule();
		}
	}

	/** Replaces the file's zram markers with the parser's diagnostics of its saved content. */
	public static void update(IFile file) throws CoreException {
		update(file, null);
	}

	/**
	 * Replaces the file's zram markers with its diagnostics when its configuration set is read with {@code text} as
	 * its content (an editor's unsaved content; null for the saved one): the file's own lines, and a warning on the
	 * first line when zram-generator does not read the file at all.
	 */
	public static void update(IFile file, String text) throws CoreException {
		if (!file.exists()) {
			return;
		}
		WorkspaceConfigSet set = WorkspaceConfigSet.of(file);
		List<ConfigFile> contents = set.contents(file, text);
		String boardPath = set.boardPath(file);
		ZramConfig config = new ZramConfigParser().parse(contents);
		String own = contents.stream().filter(c -> c.path().equals(boardPath)).findFirst().orElseThrow().text();
		file.deleteMarkers(MARKER_TYPE, false, IResource.DEPTH_ZERO);
		int[] lineStarts = lineStarts(own);
		List<Diagnostic> diagnostics = new ArrayList<>(config.diagnostics(boardPath));
		if (config.files().stream().noneMatch(c -> c.path().equals(boardPath))) {
			diagnostics.add(new Diagnostic(Diagnostic.Severity.WARNING, 1, 1, 1, "zram-generator does not read " + boardPath
					+ ": the zram-generator.conf of a higher directory (/usr/lib, /usr/local/lib, /etc, /run) takes its place"));
		}
		for (Diagnostic d : diagnostics) {
			// All attributes at creation: a reader (the Problems view, a test) never sees a marker without its message.
			Map<String, Object> attributes = new HashMap<>();
			attributes.put(IMarker.SEVERITY, d.isError() ? IMarker.SEVERITY_ERROR : IMarker.SEVERITY_WARNING);
			attributes.put(IMarker.MESSAGE, d.message());
			attributes.put(IMarker.LINE_NUMBER, d.line());
			if (d.line() - 1 < lineStarts.length) {
				int start = lineStarts[d.line() - 1] + d.column() - 1;
				attributes.put(IMarker.CHAR_START, start);
				attributes.put(IMarker.CHAR_END, start + d.length());
			}
			file.createMarker(MARKER_TYPE, attributes);
		}
	}

	private static int[] lineStarts(String text) {
		List<Integer> starts = new ArrayList<>();
		starts.add(0);
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				starts.add(i + 1);
			}
		}
		return starts.stream().mapToInt(Integer::intValue).toArray();
	}
}
