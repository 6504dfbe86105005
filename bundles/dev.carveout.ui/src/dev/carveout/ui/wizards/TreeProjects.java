package dev.carveout.ui.wizards;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.FileInfoMatcherDescription;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceFilterDescription;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.osgi.service.prefs.BackingStoreException;

import dev.carveout.dts.check.SourceTree;
import dev.carveout.ui.CarveoutUi;
import dev.carveout.ui.prefs.CarveoutPreferences;

/**
 * Makes a workspace project of a kernel or BSP tree without copying it and without letting the workspace
 * refresh its 90,000 files: the project lives in the workspace, and only the folders DeviceTree sources are
 * read from are linked into it (under virtual folders named as in the tree, so paths read the same), with a
 * filter that keeps only DeviceTree sources and headers. The include paths and the kernel profile come from
 * the tree, as kbuild would use them.
 */
public final class TreeProjects {

	/** The files the links keep: DeviceTree sources, overlays and the headers they include. */
	static final String SOURCES_PATTERN = ".*\\.(dts|dtsi|dtso|h)";
	private static final String NAME_MATCHER = "org.eclipse.ui.ide.multiFilter";

	/**
	 * @param tree   what {@link SourceTree#inspect} found, a plain folder being linked whole; null for an empty project
	 * @param arch   one of the tree's architectures (ignored for a plain folder)
	 * @param nature whether the builder checks every board on each build
	 */
	public record Request(String projectName, SourceTree tree, String arch, boolean nature) {
	}

	private TreeProjects() {
	}

	public static IProject create(Request request, IProgressMonitor monitor) throws CoreException {
		List<String> folders = request.tree() == null ? List.of() : request.tree().deviceTreeFolders(request.arch());
		SubMonitor progress = SubMonitor.convert(monitor, "Creating " + request.projectName(), 3 + folders.size() * 2);
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(request.projectName());
		IProjectDescription description = ResourcesPlugin.getWorkspace().newProjectDescription(project.getName());
		if (request.nature()) {
			description.setNatureIds(new String[] { CarveoutUi.NATURE_ID });
		}
		project.create(description, progress.split(1));
		project.open(progress.split(1));
		for (String folder : folders) {
			progress.subTask(folder.isEmpty() ? request.tree().root().toString() : folder);
			IFolder link = project.getFolder(folder.isEmpty() ? request.tree().root().getFileName().toString() : folder);
			IContainer parent = virtualParents(link, progress.split(1));
			// On the link's parent, before the link exists: the folder is read once, already filtered.
			if (parent instanceof IFolder virtual) {
				keepOnlySources(virtual, progress.split(0));
			}
			link.createLink(IPath.fromPath(request.tree().root().resolve(folder)), IResource.NONE, progress.split(1));
			if (parent instanceof IProject) {
				keepOnlySources(link, progress.split(0));
			}
		}
		remember(project, request);
		project.setPersistentProperty(CarveoutUi.SOURCE_TREE_PROPERTY,
				request.tree() == null ? "" : request.tree().root().toAbsolutePath().toString());
		progress.worked(1);
		return project;
	}

	/** Creates the folders above a link as virtual folders; returns the link's parent. */
	private static IContainer virtualParents(IFolder link, IProgressMonitor monitor) throws CoreException {
		List<IFolder> missing = new ArrayList<>();
		for (IContainer c = link.getParent(); c instanceof IFolder f && !f.exists(); c = c.getParent()) {
			missing.add(0, f);
		}
		for (IFolder folder : missing) {
			folder.create(IResource.VIRTUAL, true, monitor);
		}
		return link.getParent();
	}

	private static void keepOnlySources(IContainer container, IProgressMonitor monitor) throws CoreException {
		for (IResourceFilterDescription existing : container.getFilters()) {
			if (existing.getFileInfoMatcherDescription().getArguments() instanceof String args && args.endsWith(SOURCES_PATTERN)) {
				return; // one filter on a shared parent (arch/) covers every link below it
			}
		}
		container.createFilter(IResourceFilterDescription.INCLUDE_ONLY | IResourceFilterDescription.FILES
				| IResourceFilterDescription.INHERITABLE, new FileInfoMatcherDescription(NAME_MATCHER,
						"1.0-name-matches-false-true-" + SOURCES_PATTERN), IResource.NONE, monitor);
	}

	/** kbuild's include paths and the tree's kernel version, as the project's own Carveout settings. */
	private static void remember(IProject project, Request request) throws CoreException {
		SourceTree tree = request.tree();
		if (tree == null || !tree.isKernelTree()) {
			return;
		}
		IEclipsePreferences node = CarveoutPreferences.project(project);
		node.put(CarveoutPreferences.KERNEL_TREE, tree.root().toAbsolutePath().toString());
		node.put(CarveoutPreferences.KERNEL_ARCH, request.arch());
		node.putBoolean(CarveoutPreferences.PROJECT_PROFILE, true);
		node.put(CarveoutPreferences.KERNEL_VERSION, tree.version().orElseThrow().toString());
		node.putInt(CarveoutPreferences.PAGE_SIZE, CarveoutPreferences.workspace().getInt(CarveoutPreferences.PAGE_SIZE,
				CarveoutPreferences.settingsFor(null).profile().pageSizeKiB()));
		try {
			node.flush();
		} catch (BackingStoreException e) {
			throw new CoreException(org.eclipse.core.runtime.Status.error("cannot save the Carveout settings of "
					+ project.getName() + ": " + e.getMessage(), e));
		}
	}
}
