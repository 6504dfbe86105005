package dev.carveout.lsp;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionManager;

import com.google.inject.Inject;
import com.google.inject.Singleton;

import dev.carveout.dts.nav.IncludeGraph;

/**
 * Re-validates open documents when a file of their board changes. DTS has no Xtext cross-references, so Xtext
 * sees no dependency between a board and the .dtsi it includes; the include graph is the dependency: an open
 * board is affected by an edit of any file it includes, and an open .dtsi by an edit of a board including it.
 */
@Singleton
public class IncludeAwareDescriptions extends DefaultResourceDescriptionManager
		implements IResourceDescription.Manager.AllChangeAware {

	@Inject
	private EngineSession session;

	@Override
	public boolean isAffectedByAny(Collection<IResourceDescription.Delta> deltas, IResourceDescription candidate,
			IResourceDescriptions context) {
		URI uri = candidate.getURI();
		if (!uri.isFile() || !session.isOpen(EngineSession.pathOf(uri))) {
			return false;
		}
		Path candidatePath = EngineSession.pathOf(uri);
		IncludeGraph graph = new IncludeGraph(session.overlay(), session.settings().includeDirs());
		Set<Path> candidateFiles = graph.closure(candidatePath);
		for (IResourceDescription.Delta delta : deltas) {
			if (!delta.getUri().isFile()) {
				continue;
			}
			Path changed = EngineSession.pathOf(delta.getUri());
			if (!changed.equals(candidatePath) && (candidateFiles.contains(changed) || graph.closure(changed).contains(candidatePath))) {
				return true;
			}
		}
		return false;
	}
}
