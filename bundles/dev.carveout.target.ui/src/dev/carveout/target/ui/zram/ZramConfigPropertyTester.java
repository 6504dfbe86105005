package dev.carveout.target.ui.zram;

import org.eclipse.core.expressions.PropertyTester;
import org.eclipse.core.resources.IFile;

/** {@code dev.carveout.target.ui.isZramConfig}: the right-click menu shows the deploy command on zram files only. */
public class ZramConfigPropertyTester extends PropertyTester {

	@Override
	public boolean test(Object receiver, String property, Object[] args, Object expectedValue) {
		return receiver instanceof IFile file && ZramConfigMarkers.isZramConfig(file);
	}
}
