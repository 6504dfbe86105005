package dev.carveout.lsp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionDisabled;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.resource.XtextResource;

import com.google.gson.JsonPrimitive;
import com.google.inject.Inject;

import dev.carveout.dts.fix.Fix;
import dev.carveout.dts.fix.FixOffer;
import dev.carveout.dts.fix.QuickFixes;
import dev.carveout.memmap.Finding;

/**
 * The engine's quick fixes as code actions: for each diagnostic of the request, the finding is found again in
 * a fresh check (by rule and place) and each of its fixes becomes one code action with a workspace edit.
 * QuickFixes has already re-checked every fix, so only fixes that make the board better are offered; where a
 * macro stands in the way, a disabled action says so (for clients that show those).
 */
public class EngineCodeActions implements ICodeActionService2 {

	@Inject
	private EngineSession session;

	@Override
	public List<Either<Command, CodeAction>> getCodeActions(Options options) {
		CodeActionParams params = options.getCodeActionParams();
		List<Diagnostic> diagnostics = params.getContext().getDiagnostics();
		if (diagnostics == null || diagnostics.isEmpty()) {
			return List.of();
		}
		// Xtext hands version-2 services the URI and a way to read, not the resource.
		String uri = params.getTextDocument().getUri();
		return options.getLanguageServerAccess().doSyncRead(uri, context -> context.getResource() instanceof XtextResource resource
				? actions(resource, context.getDocument(), diagnostics, uri) : List.of());
	}

	private List<Either<Command, CodeAction>> actions(XtextResource resource, Document document, List<Diagnostic> diagnostics,
			String documentUri) {
		BoardCheck check = session.check(resource);
		List<Either<Command, CodeAction>> actions = new ArrayList<>();
		for (Diagnostic diagnostic : diagnostics) {
			Finding finding = findingOf(diagnostic, check, document.getOffSet(diagnostic.getRange().getStart()));
			if (finding == null) {
				continue;
			}
			FixOffer offer = new QuickFixes(check.checker()).offer(finding, check.result(), check.overlay());
			for (Fix fix : offer.fixes()) {
				CodeAction action = new CodeAction(fix.label());
				action.setKind(CodeActionKind.QuickFix);
				action.setDiagnostics(List.of(diagnostic));
				action.setEdit(workspaceEdit(fix, check, documentUri));
				actions.add(Either.forRight(action));
			}
			if (offer.whyNone() != null && session.showsDisabledActions()) {
				// Greyed out with the reason, so "no fix" reads as a decision (a macro), not as a missing feature.
				CodeAction none = new CodeAction("Fix " + finding.ruleId() + " automatically");
				none.setKind(CodeActionKind.QuickFix);
				none.setDiagnostics(List.of(diagnostic));
				none.setDisabled(new CodeActionDisabled(offer.whyNone()));
				actions.add(Either.forRight(none));
			}
		}
		return actions;
	}

	/** The finding behind a diagnostic: same rule, same file, same start (and the same node when the data says). */
	private static Finding findingOf(Diagnostic diagnostic, BoardCheck check, int offset) {
		if (diagnostic.getCode() == null || !diagnostic.getCode().isLeft()) {
			return null;
		}
		String rule = diagnostic.getCode().getLeft();
		String nodePath = nodePathOf(diagnostic);
		return check.result().findings().stream()
				.filter(f -> f.ruleId().equals(rule) && check.file().equals(f.at().file()) && f.at().offset() == offset)
				.filter(f -> nodePath == null || nodePath.equals(f.nodePath()))
				.findFirst().orElse(null);
	}

	private static String nodePathOf(Diagnostic diagnostic) {
		Object data = diagnostic.getData();
		if (data instanceof JsonPrimitive primitive && primitive.isString()) {
			return primitive.getAsString();
		}
		return data instanceof String s ? s : null;
	}

	/** Edits per document, with ranges from each file's current text (open documents first, then the disk). */
	private static WorkspaceEdit workspaceEdit(Fix fix, BoardCheck check, String documentUri) {
		Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
		for (Path file : fix.files()) {
			TextPositions positions = new TextPositions(EngineSession.read(file, check.overlay()));
			String uri = file.equals(check.file()) ? documentUri : EngineSession.uriOf(file);
			List<TextEdit> edits = new ArrayList<>();
			for (dev.carveout.dts.fix.TextEdit edit : fix.editsOf(file)) {
				edits.add(new TextEdit(positions.range(edit.offset(), edit.length()), edit.text()));
			}
			changes.put(uri, edits);
		}
		return new WorkspaceEdit(changes);
	}
}
