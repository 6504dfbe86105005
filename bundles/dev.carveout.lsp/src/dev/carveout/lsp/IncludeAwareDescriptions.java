package dev.carveout.lsp;

import java.nio.file.Path;
import java.util.Collection;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionManager;

import com.google.inject.Inject;
import com.google.inject.Singleton;


/**
 * Re-validates open documents when a file of their board changes on disk (an Xtext build, for the files a client
 * reports changed). DTS has no Xtext cross-references, so Xtext sees no dependency between a board and the .dtsi
 * it includes; the include graph is the dependency ({@link EngineSession#affectedBy}).
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
		for (IResourceDescription.Delta delta : deltas) {
			if (delta.getUri().isFile() && session.affectedBy(EngineSession.pathOf(delta.getUri())).contains(candidatePath)) {
				return true;
			}
		}
		return false;
	}
}
