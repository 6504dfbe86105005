package dev.carveout.ui.wizards;

import org.eclipse.ui.IImportWizard;

/** File > Import > Carveout > DeviceTree Sources from a Kernel Tree. */
public final class ImportKernelTreeWizard extends TreeWizard implements IImportWizard {

	public static final String ID = "dev.carveout.ui.importKernelTree";

	public ImportKernelTreeWizard() {
		super("Import DeviceTree Sources from a Kernel Tree", new TreePage("DeviceTree Sources from a Kernel Tree",
				"Link a Linux or BSP tree's DeviceTree sources in place, with kbuild's include paths", true));
	}

	/** As if the user had typed the folder: for tests and for a caller that knows it. */
	public void setFolder(String path) {
		page().setFolder(path);
	}

	public void setNature(boolean on) {
		page().setNature(on);
	}
}
