package dev.carveout.lsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionCapabilities;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ProjectManager;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Inject;

/**
 * Xtext's language server with what the engine needs: the client's settings (initializationOptions and
 * workspace/didChangeConfiguration), the text of open documents for the engine's overlay, diagnostics from the
 * engine as documents change (the edited one first, {@link ChangeDiagnostics}) that carry the node path and say
 * they come from Carveout, and the engine warmed up while the client starts.
 */
public class CarveoutLanguageServerImpl extends LanguageServerImpl {

	/** The extensions that are DTS: registered for Xtext by CarveoutServerModule, checked by the engine here. */
	static final Set<String> DTS_EXTENSIONS = Set.of("dts", "dtsi", "dtso");

	private final EngineSession session;

	@Inject
	private EngineWarmUp warmUp;

	@Inject
	private UriExtensions uriExtensions;

	private final ChangeDiagnostics diagnostics;
	private final TypingPause typingPause = new TypingPause();

	private volatile Path root;

	@Inject
	CarveoutLanguageServerImpl(EngineSession session) {
		this.session = session;
		this.diagnostics = new ChangeDiagnostics(session, this::publish);
	}

	@Override
	public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
		URI base = super.getBaseDir(params);
		root = base != null && base.isFile() ? EngineSession.pathOf(base) : null;
		applySettings(params.getInitializationOptions());
		session.setShowsDisabledActions(Optional.ofNullable(params.getCapabilities()).map(ClientCapabilities::getTextDocument)
				.map(TextDocumentClientCapabilities::getCodeAction).map(CodeActionCapabilities::getDisabledSupport).orElse(false));
		warmUp.start(session);
		return super.initialize(params);
	}

	/**
	 * A client that opens single files sends no root; Xtext needs one. An empty directory gives it a workspace
	 * with nothing to index, and the files the client opens are served all the same.
	 */
	@Override
	protected URI getBaseDir(InitializeParams params) {
		URI base = super.getBaseDir(params);
		if (base != null) {
			return base;
		}
		try {
			Path empty = Files.createTempDirectory("carveout-lsp");
			empty.toFile().deleteOnExit();
			return URI.createURI(EngineSession.uriOf(empty));
		} catch (IOException e) {
			throw new UncheckedIOException("no workspace root from the client and no temporary directory for one", e);
		}
	}

	/** Completion opens after '&' (labels) and '"' (compatible and status values), not Xtext's '.'. */
	@Override
	protected ServerCapabilities createServerCapabilities(InitializeParams params) {
		ServerCapabilities capabilities = super.createServerCapabilities(params);
		capabilities.getCompletionProvider().setTriggerCharacters(List.of("&", "\""));
		return capabilities;
	}

	@Override
	public void didOpen(DidOpenTextDocumentParams params) {
		URI uri = getURI(params.getTextDocument());
		if (!isDts(uri)) {
			super.didOpen(params);
			return;
		}
		TextDocumentItem item = params.getTextDocument();
		Path file = EngineSession.pathOf(uri);
		session.opened(file, item.getText());
		checkAfter(uri, file, () -> getWorkspaceManager().didOpen(uri, item.getVersion(), item.getText()));
	}

	@Override
	public void didChange(DidChangeTextDocumentParams params) {
		URI uri = getURI(params.getTextDocument());
		if (!isDts(uri)) {
			super.didChange(params);
			return;
		}
		Path file = EngineSession.pathOf(uri);
		String text = session.overlay().contentOf(file).orElse(null);
		if (text != null) {
			session.changed(file, new Document(0, text).applyTextDocumentChanges(params.getContentChanges()).getContents());
		}
		checkAfter(uri, file, () -> getWorkspaceManager().didChangeTextDocumentContent(uri, params.getTextDocument().getVersion(),
				params.getContentChanges()));
	}

	@Override
	public void didClose(DidCloseTextDocumentParams params) {
		URI uri = getURI(params.getTextDocument());
		if (!isDts(uri)) {
			super.didClose(params);
			return;
		}
		Path file = EngineSession.pathOf(uri);
		session.closed(file);
		checkAfter(uri, file, () -> getWorkspaceManager().didClose(uri));
	}

	/**
	 * Xtext's document is updated (hover, completion and symbols read it) but not built: the engine checks the
	 * document and those it affects, and Xtext parses it again only when a request needs its tree. The reasons
	 * findings have no quick fix follow after a pause in typing. A newer change cancels what is left.
	 */
	private void checkAfter(URI uri, Path file, Runnable documentUpdate) {
		getRequestManager().runWrite(() -> {
			documentUpdate.run();
			forgetParse(uri);
			return null;
		}, (cancel, nothing) -> {
			diagnostics.afterChange(file, cancel);
			publishReasonsAfterPause();
			return null;
		});
	}

	private void publishReasonsAfterPause() {
		typingPause.after(() -> getRequestManager().runRead(cancel -> {
			diagnostics.publishReasons(cancel);
			return null;
		}));
	}

	/** The document's parse from before the change: dropped, so the next request parses the new text. */
	private void forgetParse(URI uri) {
		ProjectManager project = getWorkspaceManager().getProjectManager(uri);
		XtextResourceSet resources = project == null ? null : project.getResourceSet();
		Resource stale = resources == null ? null : resources.getResource(uri, false);
		if (stale != null) {
			resources.getResources().remove(stale);
		}
	}

	private static boolean isDts(URI uri) {
		return uri.isFile() && DTS_EXTENSIONS.contains(uri.fileExtension());
	}

	/** New settings: every open document is checked again with them. */
	@Override
	public void didChangeConfiguration(DidChangeConfigurationParams params) {
		applySettings(params.getSettings());
		getRequestManager().runWrite(() -> null, (cancel, nothing) -> {
			diagnostics.checkAll(cancel);
			publishReasonsAfterPause();
			return null;
		});
	}

	@Override
	public CompletableFuture<Object> shutdown() {
		typingPause.stop();
		return super.shutdown();
	}

	private void publish(URI uri, List<Issue> issues) {
		LanguageClient client = getLanguageClient();
		if (client != null) {
			client.publishDiagnostics(new PublishDiagnosticsParams(uriExtensions.toUriString(uri), toDiagnostics(issues)));
		}
	}

	private void applySettings(Object settings) {
		List<String> problems = new ArrayList<>();
		session.updateSettings(ServerSettings.parse(settings, root, problems));
		if (!problems.isEmpty() && getLanguageClient() != null) {
			getLanguageClient().showMessage(new MessageParams(MessageType.Warning,
					"Carveout settings: " + String.join("; ", problems) + " (defaults used)"));
		}
	}

	@Override
	protected Diagnostic toDiagnostic(Issue issue) {
		Diagnostic diagnostic = super.toDiagnostic(issue);
		diagnostic.setSource("carveout");
		// Xtext sends the data array; the node path alone is what a client (and our code actions) can use.
		if (issue.getData() != null && issue.getData().length == 1) {
			diagnostic.setData(issue.getData()[0]);
		}
		return diagnostic;
	}
}
