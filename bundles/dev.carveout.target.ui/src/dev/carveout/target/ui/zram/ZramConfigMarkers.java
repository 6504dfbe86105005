package dev.carveout.target.ui.zram;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import org.eclipse.core.runtime.Status;

import dev.carveout.zram.Diagnostic;
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

	/** Markers cannot be changed inside a resource notification: a job does it, one file at a time. */
	private void schedule(List<IFile> files) {
		for (IFile file : files) {
			WorkspaceJob job = new WorkspaceJob("Check zram configuration " + file.getName()) {
				@Override
				public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
					update(file);
					return Status.OK_STATUS;
				}
			};
			job.setRule(file);
			job.setSystem(true);
			job.schedule();
		}
	}

	/** Replaces the file's zram markers with the parser's diagnostics of its saved content. */
	public static void update(IFile file) throws CoreException {
		if (!file.exists()) {
			return;
		}
		String text;
		try (InputStream in = file.getContents(true)) {
			text = new String(in.readAllBytes(), Charset.forName(file.getCharset()));
		} catch (IOException e) {
			throw new CoreException(Status.error("Cannot read " + file.getFullPath() + ": " + e.getMessage(), e));
		}
		update(file, text);
	}

	/** Replaces the file's zram markers with the diagnostics of {@code text} (an editor's unsaved content). */
	public static void update(IFile file, String text) throws CoreException {
		if (!file.exists()) {
			return;
		}
		file.deleteMarkers(MARKER_TYPE, false, IResource.DEPTH_ZERO);
		int[] lineStarts = lineStarts(text);
		for (Diagnostic d : new ZramConfigParser().parse(text).diagnostics()) {
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
