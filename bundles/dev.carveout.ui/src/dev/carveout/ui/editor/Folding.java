package dev.carveout.ui.editor;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotationModel;

/**
 * Keeps the editor's folding annotations equal to a file's foldable regions. A region that is still there keeps
 * its annotation, so what the user collapsed stays collapsed while they type elsewhere.
 */
final class Folding {

	private final ProjectionAnnotationModel model;

	Folding(ProjectionAnnotationModel model) {
		this.model = model;
	}

	/** Call on the UI thread with regions computed from the document's current text. */
	void update(List<FileStructure.Fold> folds) {
		Map<Position, FileStructure.Fold> wanted = new HashMap<>();
		for (FileStructure.Fold fold : folds) {
			wanted.put(new Position(fold.offset(), fold.length()), fold);
		}
		List<Annotation> deletions = new java.util.ArrayList<>();
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			Annotation annotation = it.next();
			Position at = model.getPosition(annotation);
			if (at == null || wanted.remove(new Position(at.getOffset(), at.getLength())) == null) {
				deletions.add(annotation);
			}
		}
		Map<Annotation, Position> additions = new HashMap<>();
		wanted.forEach((position, fold) -> additions.put(new ProjectionAnnotation(), position));
		model.modifyAnnotations(deletions.toArray(Annotation[]::new), additions, null);
	}

	/** The number of regions that can fold now (for tests and the status of the editor). */
	int count() {
		int count = 0;
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext(); it.next()) {
			count++;
		}
		return count;
	}
}
