package dev.carveout.lsp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.Region;
import dev.carveout.memmap.SourceRef;

/**
 * Hover on a /reserved-memory region: what the kernel will make of it (base, end, size, flags, kind) and where
 * its reg or size came from, as the board's memory map says after every include and override. Elsewhere
 * Xtext's hover.
 */
public class RegionHover extends HoverService {

	@Inject
	private EngineSession session;

	@Override
	public Hover hover(Document document, XtextResource resource, HoverParams params, CancelIndicator cancelIndicator) {
		int offset = document.getOffSet(params.getPosition());
		BoardCheck check = session.check(resource);
		if (check.result().memoryMap() != null) {
			Region best = null;
			SourceRef bestAt = null;
			for (Region region : check.result().memoryMap().regions()) {
				for (SourceRef at : region.provenance().values()) {
					boolean here = check.file().equals(at.file()) && at.offset() <= offset && offset < at.offset() + at.length();
					if (here && (bestAt == null || at.length() < bestAt.length())) {
						best = region;
						bestAt = at;
					}
				}
			}
			if (best != null) {
				Hover hover = new Hover(new MarkupContent(MarkupKind.MARKDOWN, describe(best)));
				hover.setRange(new TextPositions(check.text()).range(bestAt.offset(), bestAt.length()));
				return hover;
			}
		}
		return super.hover(document, resource, params, cancelIndicator);
	}

	static String describe(Region region) {
		StringBuilder text = new StringBuilder();
		text.append("**").append(region.name()).append("** `").append(region.path()).append("`\n\n");
		if (region.reg() != null && !region.reg().isEmpty()) {
			for (AddressRange range : region.reg()) {
				text.append("- base `").append(AddressRange.hex(range.base())).append("`, end `")
						.append(AddressRange.hex(range.end() - 1)).append("`, size `").append(AddressRange.hex(range.size()))
						.append("` (").append(humanSize(range.size())).append(")\n");
			}
		}
		if (region.size() != null) {
			text.append("- size `").append(AddressRange.hex(region.size())).append("` (").append(humanSize(region.size()))
					.append("), placed at boot\n");
		}
		if (region.alignment() != null) {
			text.append("- alignment `").append(AddressRange.hex(region.alignment())).append("`\n");
		}
		text.append("- kind: ").append(region.kind().name().toLowerCase(java.util.Locale.ROOT))
				.append(region.isCma() ? ", CMA" : "").append(region.available() ? "" : ", disabled (" + region.status() + ")")
				.append("\n");
		text.append("- flags: ").append(flags(region)).append("\n");
		if (!region.compatible().isEmpty()) {
			text.append("- compatible: ").append(String.join(", ", region.compatible())).append("\n");
		}
		String property = region.has("reg") ? "reg" : region.has("size") ? "size" : "";
		SourceRef at = region.definedAt(property);
		if (at.isKnown()) {
			text.append("- ").append(property.isEmpty() ? "node" : property).append(" defined at ")
					.append(fileName(at.file())).append(":").append(at.line()).append("\n");
		}
		return text.toString();
	}

	private static String flags(Region region) {
		List<String> flags = new ArrayList<>();
		if (region.noMap()) {
			flags.add("no-map");
		}
		if (region.reusable()) {
			flags.add("reusable");
		}
		if (region.linuxCmaDefault()) {
			flags.add("linux,cma-default");
		}
		if (region.linuxDmaDefault()) {
			flags.add("linux,dma-default");
		}
		return flags.isEmpty() ? "none" : String.join(", ", flags);
	}

	private static String fileName(Path file) {
		return file.getFileName().toString();
	}

	/** KiB below a MiB, MiB from there: the units the kernel's boot log uses. */
	static String humanSize(long bytes) {
		if (bytes >= (1L << 20) && bytes % (1L << 20) == 0) {
			return (bytes >>> 20) + " MiB";
		}
		if (bytes >= (1L << 20)) {
			return String.format("%.1f MiB", bytes / (double) (1L << 20));
		}
		return (bytes >>> 10) + " KiB";
	}
}
