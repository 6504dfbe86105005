package dev.carveout.ui.fix;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolutionGenerator2;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.fix.Fix;
import dev.carveout.dts.fix.QuickFixes;
import dev.carveout.memmap.Finding;
import dev.carveout.ui.CarveoutUi;
import dev.carveout.ui.prefs.CarveoutPreferences;
import dev.carveout.ui.validation.OverlayBoards;

/**
 * The quick fixes of a Carveout marker, for the Problems view and Ctrl+1 alike: the marker's board is
 * checked again as the editors show it, the finding behind the marker is found, and the engine's fixes for
 * it become resolutions.
 */
public final class MarkerFixes implements IMarkerResolutionGenerator2 {

	@Override
	public boolean hasResolutions(IMarker marker) {
		return !fixesFor(marker).isEmpty();
	}

	@Override
	public IMarkerResolution[] getResolutions(IMarker marker) {
		List<Fix> fixes = fixesFor(marker);
		IMarkerResolution[] resolutions = new IMarkerResolution[fixes.size()];
		for (int i = 0; i < fixes.size(); i++) {
			resolutions[i] = new FixResolution(fixes.get(i), i, marker);
		}
		return resolutions;
	}

	/** The engine's fixes for the finding behind the marker, computed against the open documents. */
	static List<Fix> fixesFor(IMarker marker) {
		String ruleId = marker.getAttribute(CarveoutUi.RULE_ID_ATTRIBUTE, null);
		IFile board = board(marker);
		if (ruleId == null || board == null || board.getLocation() == null || marker.getResource().getLocation() == null) {
			return List.of();
		}
		OpenDocuments overlay = new OpenDocuments();
		BoardChecker checker = new BoardChecker(CarveoutPreferences.settingsFor(board.getProject()));
		CheckResult result = checker.check(OverlayBoards.partsOf(board), overlay);
		Finding finding = findingOf(marker, ruleId, result);
		return finding == null ? List.of() : new QuickFixes(checker).fixesFor(finding, result, overlay);
	}

	private static Finding findingOf(IMarker marker, String ruleId, CheckResult result) {
		Path file = marker.getResource().getLocation().toPath().toAbsolutePath().normalize();
		int line = marker.getAttribute(IMarker.LINE_NUMBER, -1);
		String node = marker.getAttribute(IMarker.LOCATION, null);
		return result.findings().stream()
				.filter(f -> f.ruleId().equals(ruleId) && file.equals(f.at().file()))
				.filter(f -> f.at().line() == line || node != null && node.equals(f.nodePath()))
				.findFirst().orElse(null);
	}

	private static IFile board(IMarker marker) {
		String path = marker.getAttribute(CarveoutUi.BOARD_ATTRIBUTE, null);
		IResource resource = path == null ? marker.getResource() : ResourcesPlugin.getWorkspace().getRoot().findMember(path);
		return resource instanceof IFile file ? file : null;
	}
}
