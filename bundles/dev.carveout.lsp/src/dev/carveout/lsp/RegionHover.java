package dev.carveout.lsp;

import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

import dev.carveout.memmap.RegionSummary;

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
			RegionSummary.Located located = RegionSummary.regionAt(check.result().memoryMap(), check.file(), offset);
			if (located != null) {
				String markdown = String.join("\n\n", RegionSummary.lines(located.region(), check.result().memoryMap(),
						session.settings().profile()));
				Hover hover = new Hover(new MarkupContent(MarkupKind.MARKDOWN, markdown));
				hover.setRange(new TextPositions(check.text()).range(located.at().offset(), located.at().length()));
				return hover;
			}
		}
		return super.hover(document, resource, params, cancelIndicator);
	}
}
