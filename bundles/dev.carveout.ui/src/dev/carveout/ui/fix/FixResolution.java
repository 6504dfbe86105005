package dev.carveout.ui.fix;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.views.markers.WorkbenchMarkerResolution;

import dev.carveout.dts.fix.Fix;
import dev.carveout.ui.CarveoutUi;

/**
 * One fix as a marker resolution. Applied to several markers at once (the Problems view's "select all"),
 * each marker gets the fix of the same kind computed for it, since every region needs its own values.
 */
final class FixResolution extends WorkbenchMarkerResolution {

	private final Fix fix;
	private final int kind;
	private final IMarker marker;

	FixResolution(Fix fix, int kind, IMarker marker) {
		this.fix = fix;
		this.kind = kind;
		this.marker = marker;
	}

	@Override
	public String getLabel() {
		return fix.label();
	}

	@Override
	public String getDescription() {
		return fix.label() + " (" + fix.edits().size() + " edit(s) in " + fix.files().size() + " file(s))";
	}

	@Override
	public Image getImage() {
		return null;
	}

	@Override
	public void run(IMarker target) {
		Fix own = target.equals(marker) ? fix : sameKindFor(target);
		if (own == null) {
			return;
		}
		try {
			new FixApplier().apply(own, new NullProgressMonitor());
		} catch (CoreException e) {
			ILog.of(getClass()).error("could not apply \"" + own.label() + "\"", e);
		}
	}

	@Override
	public void run(IMarker[] markers, IProgressMonitor monitor) {
		for (IMarker target : markers) {
			if (target.exists()) {
				run(target);
			}
		}
	}

	@Override
	public IMarker[] findOtherMarkers(IMarker[] markers) {
		String rule = marker.getAttribute(CarveoutUi.RULE_ID_ATTRIBUTE, "");
		return Arrays.stream(markers)
				.filter(m -> !m.equals(marker) && rule.equals(m.getAttribute(CarveoutUi.RULE_ID_ATTRIBUTE, null)))
				.toArray(IMarker[]::new);
	}

	private Fix sameKindFor(IMarker other) {
		List<Fix> fixes = MarkerFixes.fixesFor(other);
		return kind < fixes.size() ? fixes.get(kind) : null;
	}
}
