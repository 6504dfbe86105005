package dev.carveout.ui.editor;

import java.util.function.Supplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;

import dev.carveout.dts.check.CheckResult;
import dev.carveout.memmap.KernelProfile;
import dev.carveout.memmap.RegionSummary;
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
		RegionSummary.Located located = RegionSummary.regionAt(result.memoryMap(),
				shown.getLocation().toPath().toAbsolutePath().normalize(), hoverRegion.getOffset());
		// Plain text: the platform's default hover control shows no Markdown.
		return located == null ? null
				: String.join("\n", RegionSummary.lines(located.region(), result.memoryMap(), KernelProfile.DEFAULT))
						.replace("**", "").replace("`", "");
	}
}
