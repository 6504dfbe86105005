package dev.carveout.dts.check;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.IParser;

import dev.carveout.dts.DtsLanguage;
import dev.carveout.dts.cpp.CppDiagnostic;
import dev.carveout.dts.cpp.Origin;
import dev.carveout.dts.cpp.PreprocessedUnit;
import dev.carveout.dts.cpp.Preprocessor;
import dev.carveout.dts.cpp.SourceReader;
import dev.carveout.dts.dts.DtsFile;
import dev.carveout.dts.dts.IncludeDirective;
import dev.carveout.dts.dts.PreprocessorLine;
import dev.carveout.dts.dts.TopItem;
import dev.carveout.dts.tree.DtTree;
import dev.carveout.dts.tree.EffectiveTreeBuilder;
import dev.carveout.dts.tree.Locator;
import dev.carveout.dts.tree.SourceLocator;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.Severity;
import dev.carveout.memmap.SourceRef;

/**
 * Reads a board as kbuild does: cpp over the board and everything it includes, then dtc's parse of the
 * result, whose items build the effective tree in order. Every problem is located in the original file
 * that has it, and a problem in an included file is reported again on the #include line of the board, so
 * the file being edited always shows it.
 */
final class SourceSet {

	private final SourceOverlay overlay;
	private final List<Path> includeDirs;
	private final List<Finding> findings;
	private final IParser parser = DtsLanguage.injector().getInstance(IParser.class);
	private final Set<Path> files = new LinkedHashSet<>();
	/** Errors in included files, by the board's #include line that pulled them in. */
	private final Map<SourceRef, IncludedErrors> includedErrors = new LinkedHashMap<>();

	SourceSet(SourceOverlay overlay, List<Path> includeDirs, List<Finding> findings) {
		this.overlay = overlay;
		this.includeDirs = includeDirs;
		this.findings = findings;
	}

	TranslationUnit load(Path board) {
		if (!SourceReader.withUnsaved(overlay::contentOf).exists(board)) {
			findings.add(BoardChecker.inputProblem(board, "cannot read " + board));
			return null;
		}
		Preprocessor cpp = new Preprocessor(includeDirs, Preprocessor.kbuildDefines(), SourceReader.withUnsaved(overlay::contentOf));
		PreprocessedUnit unit = cpp.run(board);
		files.addAll(unit.files());
		for (CppDiagnostic diagnostic : unit.diagnostics()) {
			report(board, BoardChecker.RULE_INPUT, diagnostic.severity(), diagnostic.message(), diagnostic.at());
		}
		IParseResult result = parser.parse(new StringReader(unit.text()));
		for (INode error : result.getSyntaxErrors()) {
			report(board, BoardChecker.RULE_SYNTAX, Severity.ERROR, error.getSyntaxErrorMessage().getMessage(),
					unit.origins().originOf(error.getOffset()));
		}
		reportIncludedErrors();
		EffectiveTreeBuilder builder = new EffectiveTreeBuilder(findings::add);
		if (result.getRootASTElement() instanceof DtsFile dts) {
			add(dts, new OriginLocator(unit.origins()), builder);
		}
		DtTree tree = builder.finish();
		return new TranslationUnit(board, tree, Set.copyOf(files));
	}

	private void add(DtsFile dts, Locator locator, EffectiveTreeBuilder builder) {
		for (TopItem item : dts.getItems()) {
			if (item instanceof IncludeDirective include) {
				dtcInclude(include, locator, builder);
			} else if (!(item instanceof PreprocessorLine)) {
				builder.add(item, locator);
			}
		}
	}

	/** dtc's own /include/: the file is read as it is (cpp never sees it), from the includer's folder or -I. */
	private void dtcInclude(IncludeDirective include, Locator locator, EffectiveTreeBuilder builder) {
		SourceRef at = locator.locate(include);
		Path from = at.file() == null ? null : at.file().getParent();
		SourceReader reader = SourceReader.withUnsaved(overlay::contentOf);
		Path target = null;
		List<Path> search = new java.util.ArrayList<>();
		if (from != null) {
			search.add(from);
		}
		search.addAll(includeDirs);
		for (Path dir : search) {
			Path candidate = dir.resolve(include.getFile()).normalize();
			if (reader.exists(candidate)) {
				target = candidate;
				break;
			}
		}
		if (target == null) {
			findings.add(new Finding(BoardChecker.RULE_INPUT, Severity.ERROR,
					"/include/ file not found: " + include.getFile() + " (searched " + search + ")", at, null));
			return;
		}
		try {
			String text = reader.read(target);
			files.add(target);
			IParseResult result = parser.parse(new StringReader(text));
			SourceLocator inFile = new SourceLocator(target, text);
			for (INode error : result.getSyntaxErrors()) {
				findings.add(new Finding(BoardChecker.RULE_SYNTAX, Severity.ERROR, error.getSyntaxErrorMessage().getMessage(),
						new SourceRef(target, error.getStartLine(), inFile.column(error.getOffset()), error.getOffset(), error.getLength()),
						null));
			}
			if (result.getRootASTElement() instanceof DtsFile dts) {
				add(dts, inFile, builder);
			}
		} catch (IOException e) {
			findings.add(new Finding(BoardChecker.RULE_INPUT, Severity.ERROR, "cannot read " + target + ": " + e.getMessage(), at, null));
		}
	}

	/** A problem where it is, and counted for the board's #include line when it is in an included file. */
	private void report(Path board, String rule, Severity severity, String message, Origin origin) {
		SourceRef at = origin == null ? new SourceRef(board, 1, 1, 0, 0)
				: new SourceRef(origin.file(), origin.line(), origin.column(), origin.offset(), 0);
		findings.add(new Finding(rule, severity, message, at, null));
		if (origin == null || severity != Severity.ERROR || origin.file().equals(board)) {
			return;
		}
		Origin include = origin.includedFrom();
		while (include != null && !include.file().equals(board)) {
			include = include.includedFrom();
		}
		if (include != null) {
			SourceRef line = new SourceRef(board, include.line(), include.column(), include.offset(), 0);
			includedErrors.computeIfAbsent(line, k -> new IncludedErrors(rule, at, message)).count++;
		}
	}

	private void reportIncludedErrors() {
		includedErrors.forEach((line, errors) -> findings.add(new Finding(errors.rule, Severity.ERROR, errors.count
				+ " error(s) in included file " + errors.first.file().getFileName() + ", first at " + errors.first + ": "
				+ errors.message, line, null)));
	}

	private static final class IncludedErrors {
		final String rule;
		final SourceRef first;
		final String message;
		int count;

		IncludedErrors(String rule, SourceRef first, String message) {
			this.rule = rule;
			this.first = first;
			this.message = message;
		}
	}
}
