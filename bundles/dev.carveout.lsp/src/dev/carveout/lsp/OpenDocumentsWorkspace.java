package dev.carveout.lsp;

import java.util.Set;

import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.xtext.ide.server.MultiRootWorkspaceConfigFactory;
import org.eclipse.xtext.workspace.FileProjectConfig;
import org.eclipse.xtext.workspace.WorkspaceConfig;

/**
 * Workspace folders as projects without source folders, so Xtext does not parse every file under the root at
 * start: a kernel tree has thousands of .dts and .dtsi files, and the engine reads what a board includes by
 * itself. Documents the client opens are built and served as before.
 */
public class OpenDocumentsWorkspace extends MultiRootWorkspaceConfigFactory {

	@Override
	protected void addProjectsForWorkspaceFolder(WorkspaceConfig workspaceConfig, WorkspaceFolder workspaceFolder,
			Set<String> existingNames) {
		if (workspaceFolder.getUri() != null) {
			workspaceConfig.addProject(new FileProjectConfig(getUriExtensions().toUri(workspaceFolder.getUri()),
					getUniqueProjectName(workspaceFolder.getName(), existingNames), workspaceConfig));
		}
	}
}
