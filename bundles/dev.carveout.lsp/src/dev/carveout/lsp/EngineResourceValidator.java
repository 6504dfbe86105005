package dev.carveout.lsp;

import java.util.ArrayList;
import java.util.List;

import org.apache.log4j.Logger;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.service.OperationCanceledManager;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.validation.ResourceValidatorImpl;

import com.google.inject.Inject;

/**
 * Xtext's validation (syntax errors) plus the engine's findings for the document. Only open documents are
 * checked by the engine: Xtext validates every file of the workspace, and a kernel tree has thousands of
 * boards nobody is looking at.
 */
public class EngineResourceValidator extends ResourceValidatorImpl {

	private static final Logger LOG = Logger.getLogger(EngineResourceValidator.class);

	@Inject
	private EngineSession session;

	@Inject
	private OperationCanceledManager cancellation;

	/** Xtext's issues and the engine's each contained: a failure in one is an issue, and the other's stay. */
	@Override
	public List<Issue> validate(Resource resource, CheckMode mode, CancelIndicator indicator) {
		List<Issue> issues = new ArrayList<>();
		try {
			issues.addAll(super.validate(resource, mode, indicator));
		} catch (Throwable failure) {
			issues.add(contained(resource, failure));
		}
		if (resource instanceof XtextResource xtext && resource.getURI().isFile()
				&& session.isOpen(EngineSession.pathOf(resource.getURI()))) {
			try {
				BoardCheck check = session.check(xtext, indicator);
				issues.addAll(new FindingIssues(check, session, resource.getURI()).issues());
			} catch (Throwable failure) {
				issues.add(contained(resource, failure));
			}
		}
		return issues;
	}

	private Issue contained(Resource resource, Throwable failure) {
		cancellation.propagateIfCancelException(failure);
		LOG.error("Carveout failed on " + resource.getURI() + "; please report it", failure);
		return FailureIssue.of(resource.getURI(), failure);
	}
}
