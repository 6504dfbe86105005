package dev.carveout.lsp;

import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.xtext.ide.server.IMultiRootWorkspaceConfigFactory;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ProjectManager;
import org.eclipse.xtext.ide.server.symbol.WorkspaceSymbolService;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.resource.impl.ResourceServiceProviderRegistryImpl;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;

/**
 * The server-side bindings: our LanguageServerImpl, the DTS language registered by hand (Xtext finds
 * languages with java.util.ServiceLoader, which cannot see into other bundles under OSGi), resource sets that
 * use it, a workspace that is not indexed up front, and builds contained per document.
 */
final class CarveoutServerModule extends AbstractModule {

	private final EngineSession session;
	private final Injector language;
	private final EngineWarmUp warmUp;

	CarveoutServerModule(EngineSession session, Injector language, EngineWarmUp warmUp) {
		this.session = session;
		this.language = language;
		this.warmUp = warmUp;
	}

	@Override
	protected void configure() {
		bind(EngineSession.class).toInstance(session);
		bind(EngineWarmUp.class).toInstance(warmUp);
		bind(LanguageServer.class).to(CarveoutLanguageServerImpl.class);
		bind(LanguageServerImpl.class).to(CarveoutLanguageServerImpl.class);
		bind(ProjectManager.class).to(ContainedProjectManager.class);
		ResourceServiceProviderRegistryImpl registry = new ResourceServiceProviderRegistryImpl();
		IResourceServiceProvider dts = language.getInstance(IResourceServiceProvider.class);
		for (String extension : CarveoutLanguageServerImpl.DTS_EXTENSIONS) {
			registry.getExtensionToFactoryMap().put(extension, dts);
		}
		bind(IResourceServiceProvider.Registry.class).toInstance(registry);
		bind(XtextResourceSet.class).to(LanguageResourceSet.class);
		bind(IMultiRootWorkspaceConfigFactory.class).to(OpenDocumentsWorkspace.class);
		bind(WorkspaceSymbolService.class).to(OpenDocumentSymbols.class);
	}
}
