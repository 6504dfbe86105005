package dev.carveout.lsp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * include line of this document that reads it, so nothing the board has goes unseen. Syntax errors are the
 * engine's too: Xtext's validator does not run on DTS documents.
 */
final class FindingIssues {

	private final BoardCheck check;
	private final EngineSession session;
	private final URI uri;
	private final TextPositions positions;

	FindingIssues(BoardCheck check, EngineSession session, URI uri) {
		this.check = check;
		this.session = session;
		this.uri = uri;
		this.positions = new TextPositions(check.text());
	}

	/** The board's findings as this document's issues, as the check found them. */
	List<Issue> issues() {
		return issuesOf(check.result().findings());
	}

	/**
	 * The same with the reason a finding has no quick fix (a macro in the way) in its message. Finding the reason
	 * parses the findings' files again, so the server publishes these only after a pause in typing.
	 */
	List<Issue> explainedIssues() {
		return issuesOf(new QuickFixes(check.checker()).explained(check.result(), check.overlay()));
	}

	private List<Issue> issuesOf(List<Finding> findings) {
		List<Issue> issues = new ArrayList<>();
		IncludeGraph graph = new IncludeGraph(check.overlay(), check.checker().settings().includeDirs());
		// Each include line is looked up once per file: a board's findings crowd in a few included files.
		Map<Path, Optional<IncludeGraph.Include>> includeLines = new HashMap<>();
		for (Finding finding : findings) {
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
				issues.add(issue(finding, at.offset(), at.length(), finding.message()));
			} else if (!session.isOpen(file) && !isReadProblem(finding)) {
				Optional<IncludeGraph.Include> include = includeLines.computeIfAbsent(file,
						f -> Optional.ofNullable(graph.includeLeadingTo(check.file(), check.text(), f)));
				if (include.isPresent()) {
					issues.add(issue(finding, include.get().offset(), include.get().length(),
							"in " + file.getFileName() + ":" + at.line() + ": " + finding.message()));
				}
			}
		}
		return issues;
	}

	/** Syntax and input problems of included files already have the engine's summary on the include line. */
	private static boolean isReadProblem(Finding finding) {
		return finding.ruleId().equals(BoardChecker.RULE_SYNTAX) || finding.ruleId().equals(BoardChecker.RULE_INPUT);
	}

	private Issue issue(Finding finding, int offset, int length, String message) {
		String text = check.text();
		int start = Math.max(0, Math.min(offset, text.length()));
		int end = Math.max(start, Math.min(offset + length, text.length()));
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
