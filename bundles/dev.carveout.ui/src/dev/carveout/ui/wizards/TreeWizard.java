package dev.carveout.ui.wizards;

import java.lang.reflect.InvocationTargetException;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.actions.WorkspaceModifyOperation;
import org.eclipse.ui.wizards.newresource.BasicNewProjectResourceWizard;
import org.eclipse.ui.wizards.newresource.BasicNewResourceWizard;

/**
 * What the import and the new-project wizard share: one {@link TreePage}, the project made in a workspace
 * operation with progress and cancel, then shown in the Project Explorer and the Carveout perspective offered
 * (the platform's "Open the associated perspective" preference decides whether to ask).
 */
abstract class TreeWizard extends Wizard implements IExecutableExtension {

	private final TreePage page;
	private IWorkbench workbench;
	private IConfigurationElement config;
	private IProject project;

	TreeWizard(String title, TreePage page) {
		this.page = page;
		setWindowTitle(title);
		setNeedsProgressMonitor(true);
	}

	public void init(IWorkbench aWorkbench, IStructuredSelection selection) {
		this.workbench = aWorkbench;
	}

	@Override
	public void setInitializationData(IConfigurationElement element, String propertyName, Object data) {
		this.config = element;
	}

	@Override
	public void addPages() {
		addPage(page);
	}

	@Override
	public boolean performFinish() {
		TreeProjects.Request request = page.request();
		WorkspaceModifyOperation create = new WorkspaceModifyOperation() {
			@Override
			protected void execute(org.eclipse.core.runtime.IProgressMonitor monitor) throws CoreException {
				project = TreeProjects.create(request, monitor);
			}
		};
		try {
			getContainer().run(true, true, create);
		} catch (InvocationTargetException e) {
			MessageDialog.openError(getShell(), getWindowTitle(), "Cannot create " + request.projectName() + ": "
					+ (e.getCause() == null ? e : e.getCause()).getMessage());
			return false;
		} catch (InterruptedException e) {
			return false; // cancelled: the workspace operation rolled nothing half-made into the tree itself
		}
		if (workbench != null && workbench.getActiveWorkbenchWindow() != null) {
			BasicNewResourceWizard.selectAndReveal(project, workbench.getActiveWorkbenchWindow());
		}
		if (config != null) {
			BasicNewProjectResourceWizard.updatePerspective(config);
		}
		return true;
	}

	/** The page, for tests that fill it as a user does. */
	TreePage page() {
		return page;
	}

	/** The project the wizard made; null before it finished. */
	public IProject project() {
		return project;
	}
}
