package dev.carveout.lsp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.CheckType;
import org.eclipse.xtext.validation.Issue;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.fix.QuickFixes;
import dev.carveout.dts.nav.IncludeGraph;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.SourceRef;

/**
 * Turns a board's findings into Xtext issues of one document: code = rule id, data = node path. A finding in
 * another file shows there when that file is open (its own validation reports it), and otherwise on the
 * include line of this document that reads it, so nothing the board has goes unseen.
 */
final class FindingIssues {

	private final BoardCheck check;
	private final EngineSession session;
	private final URI uri;

	FindingIssues(BoardCheck check, EngineSession session, URI uri) {
		this.check = check;
		this.session = session;
		this.uri = uri;
	}

	List<Issue> issues() {
		List<Issue> issues = new ArrayList<>();
		IncludeGraph graph = new IncludeGraph(check.overlay(), check.checker().settings().includeDirs());
		// A finding a macro keeps from being fixed says why in its message.
		for (Finding finding : new QuickFixes(check.checker()).explained(check.result(), check.overlay())) {
			if (finding.severity() == dev.carveout.memmap.Severity.OFF) {
				continue;
			}
			SourceRef at = finding.at();
			Path file = at.file();
			if (file == null || !at.isKnown()) {
				if (check.file().equals(check.result().board())) {
					issues.add(issue(finding, 0, 0, finding.message()));
				}
			} else if (file.equals(check.file())) {
				if (!isXtextSyntaxError(finding)) {
					issues.add(issue(finding, at.offset(), at.length(), finding.message()));
				}
			} else if (!session.isOpen(file) && !isReadProblem(finding)) {
				IncludeGraph.Include include = graph.includeLeadingTo(check.file(), check.text(), file);
				if (include != null) {
					issues.add(issue(finding, include.offset(), include.length(),
							"in " + file.getFileName() + ":" + at.line() + ": " + finding.message()));
				}
			}
		}
		return issues;
	}

	/** Xtext reports this document's syntax errors itself; the engine's summaries of included files' stay. */
	private static boolean isXtextSyntaxError(Finding finding) {
		return finding.ruleId().equals(BoardChecker.RULE_SYNTAX) && !finding.message().contains("in included file");
	}

	/** Syntax and input problems of included files already have the engine's summary on the include line. */
	private static boolean isReadProblem(Finding finding) {
		return finding.ruleId().equals(BoardChecker.RULE_SYNTAX) || finding.ruleId().equals(BoardChecker.RULE_INPUT);
	}

	private Issue issue(Finding finding, int offset, int length, String message) {
		String text = check.text();
		int start = Math.max(0, Math.min(offset, text.length()));
		int end = Math.max(start, Math.min(offset + length, text.length()));
		TextPositions positions = new TextPositions(text);
		var from = positions.position(start);
		var to = positions.position(end);
		Issue.IssueImpl issue = new Issue.IssueImpl();
		issue.setSeverity(switch (finding.severity()) {
			case ERROR -> Severity.ERROR;
			case WARNING -> Severity.WARNING;
			default -> Severity.INFO;
		});
		issue.setMessage(message);
		issue.setCode(finding.ruleId());
		issue.setData(finding.nodePath() == null ? new String[0] : new String[] { finding.nodePath() });
		issue.setOffset(start);
		issue.setLength(end - start);
		// Xtext's lines and columns are one-based.
		issue.setLineNumber(from.getLine() + 1);
		issue.setColumn(from.getCharacter() + 1);
		issue.setLineNumberEnd(to.getLine() + 1);
		issue.setColumnEnd(to.getCharacter() + 1);
		issue.setUriToProblem(uri);
		issue.setType(CheckType.NORMAL);
		issue.setSyntaxError(false);
		return issue;
	}
}
