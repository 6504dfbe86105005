package dev.carveout.target.ui.zram;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.ui.IStartup;

/** Starts {@link ZramConfigMarkers} with the workbench, so zram files carry markers without being opened first. */
public class ZramMarkersStartup implements IStartup {

	@Override
	public void earlyStartup() {
		new ZramConfigMarkers(ResourcesPlugin.getWorkspace()).install();
	}
}
