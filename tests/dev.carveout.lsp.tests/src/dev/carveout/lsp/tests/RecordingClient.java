package dev.carveout.lsp.tests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;

/** A language client that keeps every publishDiagnostics and lets a test wait for the one it expects. */
final class RecordingClient implements LanguageClient {

	private final List<PublishDiagnosticsParams> published = new ArrayList<>();
	final List<MessageParams> messages = new ArrayList<>();

	@Override
	public synchronized void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
		published.add(diagnostics);
		notifyAll();
	}

	/** The first diagnostics for {@code uri}, published after {@code after} earlier ones, that satisfy {@code test}. */
	synchronized List<Diagnostic> awaitDiagnostics(String uri, int after, Predicate<List<Diagnostic>> test) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		int seen = after;
		while (true) {
			for (; seen < published.size(); seen++) {
				PublishDiagnosticsParams p = published.get(seen);
				if (p.getUri().equals(uri) && test.test(p.getDiagnostics())) {
					return p.getDiagnostics();
				}
			}
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				throw new AssertionError("no matching diagnostics for " + uri + "; published: " + published);
			}
			wait(Math.max(1, left / 1_000_000));
		}
	}

	synchronized boolean publishedFor(String uri) {
		return published.stream().anyMatch(p -> p.getUri().equals(uri));
	}

	/** The documents of the diagnostics published after the first {@code after}, in order. */
	synchronized List<String> urisSince(int after) {
		return published.subList(after, published.size()).stream().map(PublishDiagnosticsParams::getUri).toList();
	}

	synchronized int publishedCount() {
		return published.size();
	}

	@Override
	public void telemetryEvent(Object object) {
	}

	@Override
	public synchronized void showMessage(MessageParams message) {
		messages.add(message);
	}

	@Override
	public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public void logMessage(MessageParams message) {
	}
}
