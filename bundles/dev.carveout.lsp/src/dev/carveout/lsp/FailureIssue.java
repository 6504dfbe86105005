package dev.carveout.lsp;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.CheckType;
import org.eclipse.xtext.validation.Issue;

import dev.carveout.dts.check.InternalFailure;

/** A failure inside Carveout while one document was built or checked: an error on the document's first line. */
final class FailureIssue {

	private FailureIssue() {
	}

	static Issue of(URI uri, Throwable failure) {
		Issue.IssueImpl issue = new Issue.IssueImpl();
		issue.setSeverity(Severity.ERROR);
		issue.setMessage(InternalFailure.finding(EngineSession.pathOf(uri), failure).message());
		issue.setCode(InternalFailure.RULE);
		issue.setData(new String[0]);
		issue.setOffset(0);
		issue.setLength(0);
		issue.setLineNumber(1);
		issue.setColumn(1);
		issue.setLineNumberEnd(1);
		issue.setColumnEnd(1);
		issue.setUriToProblem(uri);
		issue.setType(CheckType.NORMAL);
		issue.setSyntaxError(false);
		return issue;
	}
}
