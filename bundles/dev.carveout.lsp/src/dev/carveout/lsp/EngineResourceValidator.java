package dev.carveout.lsp;

import java.util.ArrayList;
import java.util.List;

import org.apache.log4j.Logger;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.service.OperationCanceledManager;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Inject;

/**
 * The engine's findings for a document that an Xtext build validates. The server checks open documents itself as
 * they change ({@link ChangeDiagnostics}); an Xtext build runs only for files the client reports changed on disk,
 * and this keeps its diagnostics the engine's. Xtext's own validation does not run: the engine parses the same
 * text with the same grammar and reports its syntax errors, and a second pass over a 180 KB tree cost each edit
 * its time. Only open documents are checked: a kernel tree has thousands of boards nobody is looking at.
 */
public class EngineResourceValidator implements IResourceValidator {

	private static final Logger LOG = Logger.getLogger(EngineResourceValidator.class);

	@Inject
	private EngineSession session;

	@Inject
	private OperationCanceledManager cancellation;

	/** The engine's issues, its failure contained as an issue. */
	@Override
	public List<Issue> validate(Resource resource, CheckMode mode, CancelIndicator indicator) {
		List<Issue> issues = new ArrayList<>();
		if (resource instanceof XtextResource xtext && resource.getURI().isFile()
				&& session.isOpen(EngineSession.pathOf(resource.getURI()))) {
			try {
				BoardCheck check = session.check(xtext, indicator);
				issues.addAll(new FindingIssues(check, session, resource.getURI()).explainedIssues());
			} catch (Throwable failure) {
				cancellation.propagateIfCancelException(failure);
				LOG.error("Carveout failed on " + resource.getURI() + "; please report it", failure);
				issues.add(FailureIssue.of(resource.getURI(), failure));
			}
		}
		return issues;
	}
}
