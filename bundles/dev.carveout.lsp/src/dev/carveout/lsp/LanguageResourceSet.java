package dev.carveout.lsp;

import java.util.Map;

import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.XtextResourceSet;

import com.google.inject.Inject;

/**
 * The server's resource sets make DTS resources with the server's language injector. Without this EMF takes
 * the global factory that DtsLanguage registered for the engine, and the resources would validate with the
 * plain runtime module: no engine findings.
 */
public class LanguageResourceSet extends XtextResourceSet {

	@Inject
	void useServerLanguages(IResourceServiceProvider.Registry languages) {
		for (Map.Entry<String, Object> entry : languages.getExtensionToFactoryMap().entrySet()) {
			if (entry.getValue() instanceof IResourceServiceProvider provider) {
				getResourceFactoryRegistry().getExtensionToFactoryMap().put(entry.getKey(), provider.get(IResourceFactory.class));
			}
		}
	}
}
