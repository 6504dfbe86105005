package dev.carveout.ui.fix;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.texteditor.MarkerAnnotation;

import dev.carveout.ui.CarveoutUi;

/**
 * Ctrl+1 in the Carveout editor: the fixes of the Carveout markers on the caret's line. Markers are read
 * from the file (each check rewrites them with the current lines), so Ctrl+1 right after a check does not
 * depend on the annotation model having caught up yet.
 */
public final class DtsQuickAssistProcessor implements IQuickAssistProcessor {

	private final MarkerFixes fixes = new MarkerFixes();
	private final Supplier<IFile> file;

	public DtsQuickAssistProcessor(Supplier<IFile> file) {
		this.file = file;
	}

	@Override
	public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
		ISourceViewer viewer = context.getSourceViewer();
		List<ICompletionProposal> proposals = new ArrayList<>();
		for (IMarker marker : markersOnLine(file.get(), viewer, context.getOffset())) {
			for (IMarkerResolution resolution : fixes.getResolutions(marker)) {
				proposals.add(new ResolutionProposal(resolution, marker));
			}
		}
		return proposals.toArray(ICompletionProposal[]::new);
	}

	static List<IMarker> markersOnLine(IFile shown, ISourceViewer viewer, int offset) {
		List<IMarker> markers = new ArrayList<>();
		IDocument document = viewer.getDocument();
		if (shown == null || !shown.exists() || document == null) {
			return markers;
		}
		try {
			int line = document.getLineOfOffset(offset) + 1;
			for (IMarker marker : shown.findMarkers(CarveoutUi.PROBLEM_MARKER, true, IResource.DEPTH_ZERO)) {
				if (marker.getAttribute(IMarker.LINE_NUMBER, -1) == line) {
					markers.add(marker);
				}
			}
		} catch (BadLocationException | CoreException e) {
			// no such line, or the file went away: nothing to fix here
		}
		return markers;
	}

	private static boolean isCarveout(IMarker marker) {
		try {
			return marker.exists() && marker.isSubtypeOf(CarveoutUi.PROBLEM_MARKER);
		} catch (CoreException e) {
			return false;
		}
	}

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public boolean canFix(Annotation annotation) {
		return annotation instanceof MarkerAnnotation m && isCarveout(m.getMarker());
	}

	@Override
	public boolean canAssist(IQuickAssistInvocationContext context) {
		return false;
	}
}
