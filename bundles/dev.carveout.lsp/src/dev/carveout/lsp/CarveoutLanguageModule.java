package dev.carveout.lsp;

import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.ide.server.contentassist.ContentAssistService;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolService;
import org.eclipse.xtext.ide.server.symbol.HierarchicalDocumentSymbolService;
import org.eclipse.xtext.validation.IResourceValidator;

import com.google.inject.AbstractModule;

/**
 * The language-side bindings of the server: where the engine replaces or completes Xtext's generic services.
 * Kept out of DtsIdeModule so the Studio editor, which checks boards its own way, does not get them.
 */
final class CarveoutLanguageModule extends AbstractModule {

	private final EngineSession session;

	CarveoutLanguageModule(EngineSession session) {
		this.session = session;
	}

	@Override
	protected void configure() {
		bind(EngineSession.class).toInstance(session);
		bind(IResourceValidator.class).to(EngineResourceValidator.class);
		bind(ICodeActionService2.class).to(EngineCodeActions.class);
		bind(IHoverService.class).to(RegionHover.class);
		bind(DocumentSymbolService.class).to(EngineNavigation.class);
		bind(HierarchicalDocumentSymbolService.class).to(OutlineSymbols.class);
		bind(ContentAssistService.class).to(EngineCompletions.class);
		bind(org.eclipse.xtext.resource.IResourceDescription.Manager.class).to(IncludeAwareDescriptions.class);
	}
}
