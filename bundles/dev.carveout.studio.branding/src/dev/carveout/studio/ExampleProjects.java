package dev.carveout.studio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Brings the projects of a folder (each a subfolder with a .project) into the workspace, in place, so
 * {@code ./carveout studio} opens on the sample board with no setup. Projects already there are left alone.
 */
final class ExampleProjects {

	private ExampleProjects() {
	}

	static List<IProject> importFrom(Path folder, IProgressMonitor monitor) throws CoreException, IOException {
		IWorkspace workspace = ResourcesPlugin.getWorkspace();
		List<IProject> projects = new ArrayList<>();
		if (!Files.isDirectory(folder)) {
			return projects;
		}
		try (Stream<Path> children = Files.list(folder)) {
			for (Path dir : children.sorted().filter(d -> Files.isRegularFile(d.resolve(".project"))).toList()) {
				IProjectDescription description = workspace.loadProjectDescription(IPath.fromPath(dir.resolve(".project")));
				IProject project = workspace.getRoot().getProject(description.getName());
				if (!project.exists()) {
					description.setLocation(IPath.fromPath(dir.toAbsolutePath()));
					project.create(description, monitor);
				}
				if (!project.isOpen()) {
					project.open(monitor);
				}
				projects.add(project);
			}
		}
		return projects;
	}
}
