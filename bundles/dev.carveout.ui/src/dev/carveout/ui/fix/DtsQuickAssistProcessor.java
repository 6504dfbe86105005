package dev.carveout.ui.fix;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.texteditor.MarkerAnnotation;

import dev.carveout.ui.CarveoutUi;

/** Ctrl+1 in the Carveout editor: the fixes of the Carveout markers on the caret's line. */
public final class DtsQuickAssistProcessor implements IQuickAssistProcessor {

	private final MarkerFixes fixes = new MarkerFixes();

	@Override
	public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
		ISourceViewer viewer = context.getSourceViewer();
		List<ICompletionProposal> proposals = new ArrayList<>();
		for (IMarker marker : markersOnLine(viewer, context.getOffset())) {
			for (IMarkerResolution resolution : fixes.getResolutions(marker)) {
				proposals.add(new ResolutionProposal(resolution, marker));
			}
		}
		return proposals.toArray(ICompletionProposal[]::new);
	}

	static List<IMarker> markersOnLine(ISourceViewer viewer, int offset) {
		List<IMarker> markers = new ArrayList<>();
		IAnnotationModel model = viewer.getAnnotationModel();
		IDocument document = viewer.getDocument();
		if (model == null || document == null) {
			return markers;
		}
		int line;
		try {
			line = document.getLineOfOffset(offset);
		} catch (BadLocationException e) {
			return markers;
		}
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			if (it.next() instanceof MarkerAnnotation annotation && isCarveout(annotation.getMarker())) {
				Position position = model.getPosition(annotation);
				try {
					if (position != null && document.getLineOfOffset(position.getOffset()) == line) {
						markers.add(annotation.getMarker());
					}
				} catch (BadLocationException e) {
					// an annotation past the end of a shrinking document: not on this line
				}
			}
		}
		return markers;
	}

	private static boolean isCarveout(IMarker marker) {
		try {
			return marker.exists() && marker.isSubtypeOf(CarveoutUi.PROBLEM_MARKER);
		} catch (org.eclipse.core.runtime.CoreException e) {
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
