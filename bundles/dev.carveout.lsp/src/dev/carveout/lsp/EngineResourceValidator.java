package dev.carveout.lsp;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
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

	@Inject
	private EngineSession session;

	@Override
	public List<Issue> validate(Resource resource, CheckMode mode, CancelIndicator indicator) {
		List<Issue> issues = new ArrayList<>(super.validate(resource, mode, indicator));
		if (resource instanceof XtextResource xtext && resource.getURI().isFile()
				&& session.isOpen(EngineSession.pathOf(resource.getURI()))) {
			BoardCheck check = session.check(xtext);
			issues.addAll(new FindingIssues(check, session, resource.getURI()).issues());
		}
		return issues;
	}
}
