package dev.carveout.target.ui.zram;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

/**
 * Starts {@link ZramConfigMarkers} (saved files) and {@link ZramEditorTracker} (open editors) with the workbench, so
 * zram files carry markers without being opened first and while they are edited.
 */
public class ZramMarkersStartup implements IStartup {

	@Override
	public void earlyStartup() {
		new ZramConfigMarkers(ResourcesPlugin.getWorkspace()).install();
		IWorkbench workbench = PlatformUI.getWorkbench();
		workbench.getDisplay().asyncExec(() -> new ZramEditorTracker().install(workbench));
	}
}
