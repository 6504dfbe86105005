package dev.carveout.ui.editor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;

import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.cpp.Origin;
import dev.carveout.dts.cpp.PreprocessedUnit;
import dev.carveout.memmap.KernelProfile;
import dev.carveout.memmap.RegionSummary;
import dev.carveout.ui.validation.CheckResults;

/**
 * Hover on a /reserved-memory region in the editor: the region's summary from the board's last check
 * (base, end, size, flags, kind, predicted place, and the file and line that defined each value). The
 * region is the one whose definition in this file encloses the caret most closely. On a macro, first what it
 * expanded to in the board's cpp run and where it was defined.
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
		if (result == null || shown.getLocation() == null) {
			return null;
		}
		Path path = shown.getLocation().toPath().toAbsolutePath().normalize();
		List<String> lines = new ArrayList<>();
		PreprocessedUnit.MacroUse macro = result.preprocessed() == null ? null
				: result.preprocessed().macroUseAt(path, hoverRegion.getOffset());
		if (macro != null) {
			lines.add(macroLine(macro, result.preprocessed()));
		}
		RegionSummary.Located located = result.memoryMap() == null ? null
				: RegionSummary.regionAt(result.memoryMap(), path, hoverRegion.getOffset());
		if (located != null) {
			if (!lines.isEmpty()) {
				lines.add("");
			}
			lines.addAll(RegionSummary.lines(located.region(), result.memoryMap(), KernelProfile.DEFAULT));
		}
		// Plain text: the platform's default hover control shows no Markdown.
		return lines.isEmpty() ? null : String.join("\n", lines).replace("**", "").replace("`", "");
	}

	/** "SZ_1M expands to 0x00100000 (#define at sizes.h:12)": what dtc reads where the macro is written. */
	static String macroLine(PreprocessedUnit.MacroUse use, PreprocessedUnit unit) {
		Origin definition = unit.macros().of(use.macro());
		String where = definition == null ? "" : " (#define at " + definition.file().getFileName() + ":" + definition.line() + ")";
		return use.macro() + " expands to " + use.expansion() + where;
	}
}
