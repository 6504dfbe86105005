package dev.carveout.lsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Inject;

/**
 * Xtext's language server with what the engine needs: the client's settings (initializationOptions and
 * workspace/didChangeConfiguration), the text of open documents for the engine's overlay, and diagnostics that
 * carry the node path and say they come from Carveout.
 */
public class CarveoutLanguageServerImpl extends LanguageServerImpl {

	@Inject
	private EngineSession session;

	private volatile Path root;

	@Override
	public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
		URI base = super.getBaseDir(params);
		root = base != null && base.isFile() ? EngineSession.pathOf(base) : null;
		applySettings(params.getInitializationOptions());
		session.setShowsDisabledActions(Optional.ofNullable(params.getCapabilities()).map(ClientCapabilities::getTextDocument)
				.map(TextDocumentClientCapabilities::getCodeAction).map(CodeActionCapabilities::getDisabledSupport).orElse(false));
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
		if (uri.isFile()) {
			session.opened(EngineSession.pathOf(uri), params.getTextDocument().getText());
		}
		super.didOpen(params);
	}

	@Override
	public void didChange(DidChangeTextDocumentParams params) {
		URI uri = getURI(params.getTextDocument());
		if (uri.isFile()) {
			Path file = EngineSession.pathOf(uri);
			String text = session.overlay().contentOf(file).orElse(null);
			if (text != null) {
				session.changed(file, new Document(0, text).applyTextDocumentChanges(params.getContentChanges()).getContents());
			}
		}
		super.didChange(params);
	}

	@Override
	public void didClose(DidCloseTextDocumentParams params) {
		URI uri = getURI(params.getTextDocument());
		if (uri.isFile()) {
			session.closed(EngineSession.pathOf(uri));
		}
		super.didClose(params);
	}

	/** New settings: every open document is checked again with them. */
	@Override
	public void didChangeConfiguration(DidChangeConfigurationParams params) {
		applySettings(params.getSettings());
		List<URI> open = session.openFiles().stream().map(p -> URI.createURI(EngineSession.uriOf(p))).toList();
		runBuildable(() -> getWorkspaceManager().didChangeFiles(open, List.of()));
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
