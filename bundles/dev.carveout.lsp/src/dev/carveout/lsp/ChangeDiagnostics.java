package dev.carveout.lsp;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.apache.log4j.Logger;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.service.OperationCanceledManager;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;

/**
 * The diagnostics of open documents, kept up to date by the engine as documents open, change and close, without
 * Xtext's build: that build parsed, indexed and validated the whole document with Xtext first (a 180 KB .dtsi on
 * every keystroke) and then ran the engine, which parses the same text again. The edited document's diagnostics
 * are published first; then each other open document whose findings the edit can change (the include graph says
 * which), unless a newer change cancels them. The reasons a finding has no quick fix follow in
 * {@link #publishReasons} after a pause in typing.
 */
final class ChangeDiagnostics {

	private static final Logger LOG = Logger.getLogger(ChangeDiagnostics.class);

	private final EngineSession session;
	private final BiConsumer<URI, List<Issue>> publisher;
	private final OperationCanceledManager cancellation = new OperationCanceledManager();
	/** The last check of each open document, what the reasons are found for. */
	private final Map<Path, BoardCheck> lastChecks = new ConcurrentHashMap<>();

	ChangeDiagnostics(EngineSession session, BiConsumer<URI, List<Issue>> publisher) {
		this.session = session;
		this.publisher = publisher;
	}

	/** {@code changed} first (unless it is closed: then its diagnostics are cleared), then the documents it affects. */
	void afterChange(Path changed, CancelIndicator cancel) {
		if (session.isOpen(changed)) {
			checkAndPublish(changed, cancel);
		} else {
			lastChecks.remove(changed);
			publisher.accept(uriOf(changed), List.of());
		}
		for (Path other : session.affectedBy(changed)) {
			cancellation.checkCanceled(cancel);
			checkAndPublish(other, cancel);
		}
	}

	/** Every open document again (new settings). */
	void checkAll(CancelIndicator cancel) {
		for (Path open : session.openFiles()) {
			cancellation.checkCanceled(cancel);
			checkAndPublish(open, cancel);
		}
	}

	/**
	 * The diagnostics again with the reason each finding has no quick fix, for the documents whose messages gain
	 * one. Finding the reasons parses the findings' files again, so this runs after a pause in typing.
	 */
	void publishReasons(CancelIndicator cancel) {
		for (Map.Entry<Path, BoardCheck> entry : lastChecks.entrySet()) {
			cancellation.checkCanceled(cancel);
			URI uri = uriOf(entry.getKey());
			FindingIssues findings = new FindingIssues(entry.getValue(), session, uri);
			List<Issue> explained;
			try {
				explained = findings.explainedIssues();
			} catch (RuntimeException | StackOverflowError failure) {
				LOG.warn("Carveout could not tell why findings of " + uri + " have no quick fix", failure);
				continue;
			}
			cancellation.checkCanceled(cancel);
			if (!messages(explained).equals(messages(findings.issues()))) {
				publisher.accept(uri, explained);
			}
		}
	}

	private void checkAndPublish(Path file, CancelIndicator cancel) {
		URI uri = uriOf(file);
		String text = session.overlay().contentOf(file).orElse(null);
		if (text == null) {
			return;
		}
		List<Issue> issues;
		try {
			BoardCheck check = session.check(file, text, cancel);
			lastChecks.put(file, check);
			issues = new FindingIssues(check, session, uri).issues();
		} catch (Throwable failure) {
			cancellation.propagateIfCancelException(failure);
			LOG.error("Carveout failed on " + uri + "; please report it", failure);
			lastChecks.remove(file);
			issues = List.of(FailureIssue.of(uri, failure));
		}
		cancellation.checkCanceled(cancel);
		publisher.accept(uri, issues);
	}

	private static List<String> messages(List<Issue> issues) {
		return issues.stream().map(Issue::getMessage).toList();
	}

	private static URI uriOf(Path file) {
		return URI.createURI(EngineSession.uriOf(file));
	}
}
