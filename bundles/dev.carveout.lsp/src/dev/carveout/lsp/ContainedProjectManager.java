package dev.carveout.lsp;

import java.util.ArrayList;
import java.util.List;

import org.apache.log4j.Logger;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.build.IncrementalBuilder;
import org.eclipse.xtext.ide.server.ProjectManager;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.service.OperationCanceledManager;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

/**
 * Xtext's project manager with each document's build contained. Xtext's BuildManager keeps the files of a
 * build that throws queued as dirty, so one document that broke the build (a StackOverflowError in the parser
 * on nodes nested thousands deep) was built again with every later change and failed it: no document got
 * diagnostics any more. A failed build is retried one document at a time; a document that fails alone gets its
 * failure as a diagnostic and leaves the queue, and the others are checked as usual. Cancellation still
 * cancels.
 */
public class ContainedProjectManager extends ProjectManager {

	private static final Logger LOG = Logger.getLogger(ContainedProjectManager.class);

	@Inject
	private OperationCanceledManager cancellation;

	@Override
	public IncrementalBuilder.Result doBuild(List<URI> dirtyFiles, List<URI> deletedFiles, List<IResourceDescription.Delta> externalDeltas,
			CancelIndicator cancelIndicator) {
		try {
			return super.doBuild(dirtyFiles, deletedFiles, externalDeltas, cancelIndicator);
		} catch (Throwable failure) {
			cancellation.propagateIfCancelException(failure);
			if (dirtyFiles.size() == 1 && deletedFiles.isEmpty() && externalDeltas.isEmpty()) {
				failed(dirtyFiles.get(0), failure);
				return new IncrementalBuilder.Result(getIndexState(), List.of());
			}
			List<IResourceDescription.Delta> affected = new ArrayList<>();
			if (!deletedFiles.isEmpty() || !externalDeltas.isEmpty()) {
				affected.addAll(alone(List.of(), deletedFiles, externalDeltas, cancelIndicator));
			}
			for (URI dirty : dirtyFiles) {
				affected.addAll(alone(List.of(dirty), List.of(), List.of(), cancelIndicator));
			}
			return new IncrementalBuilder.Result(getIndexState(), affected);
		}
	}

	/**
	 * The server's checks do not build open documents, so a request loads a document's parse when it needs it, and
	 * two requests may ask at once (hover and symbols after an edit); EMF's resource set is not thread-safe.
	 */
	@Override
	public synchronized Resource getResource(URI uri) {
		return super.getResource(uri);
	}

	private List<IResourceDescription.Delta> alone(List<URI> dirty, List<URI> deleted, List<IResourceDescription.Delta> external,
			CancelIndicator cancelIndicator) {
		try {
			return super.doBuild(dirty, deleted, external, cancelIndicator).getAffectedResources();
		} catch (Throwable failure) {
			cancellation.propagateIfCancelException(failure);
			if (dirty.size() == 1) {
				failed(dirty.get(0), failure);
			} else {
				LOG.error("Carveout failed on removed files " + deleted + "; please report it", failure);
			}
			return List.of();
		}
	}

	/** The document's diagnostics are its failure, and the trace goes to the server's log for the report. */
	private void failed(URI document, Throwable failure) {
		LOG.error("Carveout failed on " + document + "; please report it", failure);
		getIssueAcceptor().apply(document, List.of(FailureIssue.of(document, failure)));
	}
}
