package dev.carveout.ui.wizards;

import org.eclipse.ui.INewWizard;

/** File > New > Carveout Project: an empty project, or one linking a kernel or BSP tree when a folder is given. */
public final class NewCarveoutProjectWizard extends TreeWizard implements INewWizard {

	public static final String ID = "dev.carveout.ui.newProject";

	public NewCarveoutProjectWizard() {
		super("New Carveout Project", new TreePage("Carveout Project",
				"A project for DeviceTree sources; give a kernel or BSP tree to link its sources in place", false));
	}
}
