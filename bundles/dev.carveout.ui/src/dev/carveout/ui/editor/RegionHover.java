package dev.carveout.ui.editor;

import java.nio.file.Path;
import java.util.function.Supplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;

import dev.carveout.dts.check.CheckResult;
import dev.carveout.memmap.KernelProfile;
import dev.carveout.memmap.RegionSummary;
import dev.carveout.memmap.SourceRef;
import dev.carveout.ui.validation.CheckResults;

/**
 * Hover on a /reserved-memory region in the editor: the region's summary from the board's last check
 * (base, end, size, flags, kind, predicted place, and the file and line that defined each value). The
 * region is the one whose definition in this file encloses the caret most closely.
 */
final class RegionHover implements ITextHover {

	private final Supplier<IFile> file;

	RegionHover(Supplier<IFile> file) {
		this.file = file;
	}

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		return new Region(offset, 0);
	}

	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion hoverRegion) {
		IFile shown = file.get();
		CheckResult result = CheckResults.latest(shown);
		if (result == null || result.memoryMap() == null || shown.getLocation() == null) {
			return null;
		}
		dev.carveout.memmap.Region region = regionAt(result, shown.getLocation().toPath().toAbsolutePath().normalize(),
				hoverRegion.getOffset());
		return region == null ? null
				: String.join("\n", RegionSummary.lines(region, result.memoryMap(), KernelProfile.DEFAULT)).replace("**", "")
						.replace("`", "");
	}

	/** The region with the smallest definition in this file that contains the offset. */
	static dev.carveout.memmap.Region regionAt(CheckResult result, Path path, int offset) {
		dev.carveout.memmap.Region best = null;
		int bestLength = Integer.MAX_VALUE;
		for (dev.carveout.memmap.Region region : result.memoryMap().regions()) {
			for (SourceRef at : region.provenance().values()) {
				if (path.equals(at.file()) && at.offset() <= offset && offset < at.offset() + at.length() && at.length() < bestLength) {
					best = region;
					bestLength = at.length();
				}
			}
		}
		return best;
	}
}
