package dev.carveout.dts.check;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.IParser;
import org.eclipse.xtext.service.OperationCanceledManager;
import org.eclipse.xtext.util.CancelIndicator;

import dev.carveout.dts.DtsLanguage;
import dev.carveout.dts.cpp.CppDiagnostic;
import dev.carveout.dts.cpp.Origin;
import dev.carveout.dts.cpp.PreprocessedUnit;
import dev.carveout.dts.cpp.Preprocessor;
import dev.carveout.dts.cpp.SourceReader;
import dev.carveout.dts.dts.BodyItem;
import dev.carveout.dts.dts.CellList;
import dev.carveout.dts.dts.Directive;
import dev.carveout.dts.dts.DtsFile;
import dev.carveout.dts.dts.IncludeDirective;
import dev.carveout.dts.dts.NodeDefinition;
import dev.carveout.dts.dts.PreprocessorLine;
import dev.carveout.dts.dts.Property;
import dev.carveout.dts.dts.TopItem;
import dev.carveout.dts.dts.Value;
import dev.carveout.dts.limits.InputLimit;
import dev.carveout.dts.limits.InputUsage;
import dev.carveout.dts.limits.LimitExceeded;
import dev.carveout.dts.parser.LimitSyntaxErrors;
import dev.carveout.dts.tree.DtTree;
import dev.carveout.dts.tree.EffectiveTreeBuilder;
import dev.carveout.dts.tree.IncbinFiles;
import dev.carveout.dts.tree.Locator;
import dev.carveout.dts.tree.SourceLocator;
import dev.carveout.dts.tree.ValueIncluder;
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
	private InputUsage usage = new InputUsage();
	/** Where dtc places the lines after a line marker in the sources, for its errors there. */
	private final PresumedPlaces presumed = new PresumedPlaces();
	/** dtc /include/s open inside each other, and the characters they added to the board. */
	private int dtcIncludeDepth;
	private long inputSize;

	private static final OperationCanceledManager CANCELLATION = new OperationCanceledManager();
	private static final SegmentCache SEGMENTS = SegmentCache.SHARED;
	private final CancelIndicator cancel;

	SourceSet(SourceOverlay overlay, List<Path> includeDirs, List<Finding> findings) {
		this(overlay, includeDirs, findings, CancelIndicator.NullImpl);
	}

	/** @param cancel asked by the preprocessor as it writes and before each top-level item is added to the tree */
	SourceSet(SourceOverlay overlay, List<Path> includeDirs, List<Finding> findings, CancelIndicator cancel) {
		this.overlay = overlay;
		this.includeDirs = includeDirs;
		this.findings = findings;
		this.cancel = cancel;
	}

	TranslationUnit load(Path board) {
		return load(board, false);
	}

	/** @param generateSymbols as dtc's -@: add /__symbols__ */
	TranslationUnit load(Path board, boolean generateSymbols) {
		if (!SourceReader.withUnsaved(overlay::contentOf).exists(board)) {
			findings.add(BoardChecker.inputProblem(board, "cannot read " + board));
			return null;
		}
		Preprocessor cpp = new Preprocessor(includeDirs, Preprocessor.kbuildDefines(), SourceReader.withUnsaved(overlay::contentOf));
		PreprocessedUnit unit = cpp.run(board, cancel);
		files.addAll(unit.files());
		for (CppDiagnostic diagnostic : unit.diagnostics()) {
			report(board, BoardChecker.RULE_INPUT, diagnostic.severity(), diagnostic.message(), diagnostic.at());
		}
		if (unit.stopped()) {
			reportIncludedErrors();
			return null;
		}
		int dtcFindings = findings.size();
		presumed.addPreprocessed(unit.text(), unit.origins());
		usage = unit.usage();
		inputSize = unit.text().length();
		List<ParsedItems> parsed = parseSegments(board, unit);
		reportIncludedErrors();
		EffectiveTreeBuilder builder = new EffectiveTreeBuilder(findings::add);
		builder.setVersionRequired(!board.getFileName().toString().endsWith(".dtsi"));
		builder.setBodyIncluder(this::includeInBody);
		builder.setIncbinFiles(this::incbinContent);
		builder.setValueIncluder(this::includeInValue);
		try {
			for (ParsedItems items : parsed) {
				add(items.dts(), items.locator(), builder);
			}
		} catch (LimitExceeded e) {
			presumed.reportAgain(findings, dtcFindings);
			return null; // reported where it was hit
		}
		DtTree tree = builder.finish(generateSymbols);
		presumed.reportAgain(findings, dtcFindings);
		return new TranslationUnit(board, tree, Set.copyOf(files), unit);
	}

	/** Top-level items parsed from one stretch of the part's text, and where they are in the sources. */
	private record ParsedItems(DtsFile dts, Locator locator) {
	}

	/**
	 * The part's items, from its segments' parses in the shared {@link SegmentCache}; when a segment has a syntax
	 * error, from a parse of the whole text, as before segments: a parser recovering from an error reads across
	 * item boundaries (a missing '}' takes the items after it into the node), so only the whole text gives dtc's
	 * errors at their places. The syntax errors are reported here.
	 */
	private List<ParsedItems> parseSegments(Path board, PreprocessedUnit unit) {
		List<ParsedItems> parsed = new ArrayList<>();
		for (Segment segment : SegmentCutter.cut(unit.text(), unit.origins())) {
			// Xtext's IParser takes no CancelIndicator: a segment's parse runs to its end (tens of ms on the largest).
			IParseResult result = SEGMENTS.parse(segment.text(unit.text()), segment.file(), parser);
			CANCELLATION.checkCanceled(cancel);
			if (result.hasSyntaxErrors() || !(result.getRootASTElement() instanceof DtsFile dts)) {
				return parseWhole(board, unit);
			}
			parsed.add(new ParsedItems(dts, new OriginLocator(unit.origins(), segment.start())));
		}
		return parsed;
	}

	private List<ParsedItems> parseWhole(Path board, PreprocessedUnit unit) {
		IParseResult result = parser.parse(new StringReader(unit.text()));
		CANCELLATION.checkCanceled(cancel);
		for (INode error : errorsUpToALimit(result)) {
			report(board, rule(error), Severity.ERROR, error.getSyntaxErrorMessage().getMessage(),
					unit.origins().originOf(LimitSyntaxErrors.offset(error)));
		}
		return result.getRootASTElement() instanceof DtsFile dts
				? List.of(new ParsedItems(dts, new OriginLocator(unit.origins(), 0)))
				: List.of();
	}

	/** A limit the parser's nesting guard hit is an input problem, not a syntax error. */
	private static String rule(INode error) {
		return LimitSyntaxErrors.isLimit(error) ? BoardChecker.RULE_INPUT : BoardChecker.RULE_SYNTAX;
	}

	/** The syntax errors, without those after a nesting limit (the parse stopped there: a missing '}' is no news). */
	private static List<INode> errorsUpToALimit(IParseResult result) {
		List<INode> errors = new ArrayList<>();
		for (INode error : result.getSyntaxErrors()) {
			errors.add(error);
			if (LimitSyntaxErrors.isLimit(error)) {
				break;
			}
		}
		return errors;
	}

	private void add(DtsFile dts, Locator locator, EffectiveTreeBuilder builder) {
		for (TopItem item : dts.getItems()) {
			CANCELLATION.checkCanceled(cancel);
			if (item instanceof IncludeDirective include) {
				dtcInclude(include, locator, builder);
			} else if (!(item instanceof PreprocessorLine)) {
				builder.add(item, locator);
			}
		}
	}

	/** dtc's own /include/ at the top: the file is read as it is (cpp never sees it) and its items added. */
	private void dtcInclude(IncludeDirective include, Locator locator, EffectiveTreeBuilder builder) {
		IncludedFile file = readDtcInclude(include, locator, "", "");
		if (file != null && file.parsed() instanceof DtsFile dts) {
			dtcIncludeDepth++;
			add(dts, file.locator(), builder);
			dtcIncludeDepth--;
		}
	}

	/**
	 * dtc's /include/ inside a node body: the file's items become items of that body. Alone it is not a
	 * valid DTS file, so it is parsed inside "/ {" written before it, and locations are shifted back.
	 */
	private void includeInBody(Directive directive, Locator locator, BiConsumer<List<BodyItem>, Locator> into) {
		if (directive instanceof IncludeDirective include) {
			IncludedFile file = readDtcInclude(include, locator, BODY_PREFIX, BODY_SUFFIX);
			if (file != null && file.parsed() instanceof DtsFile dts && !dts.getItems().isEmpty()
					&& dts.getItems().get(0) instanceof NodeDefinition wrapper) {
				dtcIncludeDepth++;
				into.accept(wrapper.getBody(), file.locator());
				dtcIncludeDepth--;
			}
		}
	}

	private static final String BODY_PREFIX = "/ { ";
	private static final String BODY_SUFFIX = "\n};\n";
	private static final String VALUE_PREFIX = "/ { x = ";
	private static final String VALUE_SUFFIX = "\n;\n};\n";
	private static final String CELLS_PREFIX = "/ { x = <";
	private static final String CELLS_SUFFIX = "\n>;\n};\n";

	/**
	 * dtc's /include/ inside a property value: the file's text stands where the /include/ does. It is parsed as the
	 * values of a property, or inside '<>' as cells ("/ { x = <" written before it). A file whose text only makes sense
	 * spliced into its surroundings (half a value) is a syntax error here, though dtc would read it.
	 */
	private ValueIncluder.Included includeInValue(IncludeDirective include, Locator locator, boolean cells) {
		IncludedFile file = cells ? readDtcInclude(include, locator, CELLS_PREFIX, CELLS_SUFFIX)
				: readDtcInclude(include, locator, VALUE_PREFIX, VALUE_SUFFIX);
		if (file == null || !(file.parsed() instanceof DtsFile dts) || dts.getItems().isEmpty()
				|| !(dts.getItems().get(0) instanceof NodeDefinition wrapper) || wrapper.getBody().isEmpty()
				|| !(wrapper.getBody().get(0) instanceof Property property)) {
			return null;
		}
		List<Value> values = property.getValues();
		if (!cells) {
			return new ValueIncluder.Included(values, file.locator());
		}
		return values.size() == 1 && values.get(0).getData() instanceof CellList list
				? new ValueIncluder.Included(list.getCells(), file.locator())
				: null;
	}

	private record IncludedFile(EObject parsed, Locator locator) {
	}

	/**
	 * Finds (the includer's folder, then -I), reads and parses a /include/ file, reporting what goes wrong. Past
	 * {@link InputLimit#DTC_INCLUDE_DEPTH} (a file that includes itself) or the board's input budget the board
	 * stops: {@link LimitExceeded}, reported here.
	 */
	private IncludedFile readDtcInclude(IncludeDirective include, Locator locator, String prefix, String suffix) {
		if (include.getFile() == null) {
			return null; // the parser's recovery lost the name: its syntax error is the finding (found by tests/fuzz.sh)
		}
		SourceRef at = locator.locate(include);
		if (!usage.within(InputLimit.DTC_INCLUDE_DEPTH, dtcIncludeDepth + 1L)) {
			throw stop(InputLimit.DTC_INCLUDE_DEPTH, null, at);
		}
		SourceReader reader = SourceReader.withUnsaved(overlay::contentOf);
		List<Path> search = dtcSearchPath(at);
		Path target = findDtcFile(include.getFile(), search, reader);
		if (target == null) {
			findings.add(new Finding(BoardChecker.RULE_INPUT, Severity.ERROR,
					"/include/ file not found: " + include.getFile() + " (searched " + search + ")", at, null));
			return null;
		}
		String text;
		try {
			text = reader.read(target);
		} catch (IOException e) {
			findings.add(new Finding(BoardChecker.RULE_INPUT, Severity.ERROR, "/include/ " + target + ": " + e.getMessage(),
					at, null));
			return null;
		}
		inputSize += text.length();
		if (!usage.within(InputLimit.PREPROCESSED_OUTPUT, inputSize)) {
			throw stop(InputLimit.PREPROCESSED_OUTPUT, null, at);
		}
		files.add(target);
		presumed.addDtcFile(target, text);
		String parsedText = prefix + text + suffix;
		IParseResult result = parser.parse(new StringReader(parsedText));
		SourceLocator inFile = new SourceLocator(target, text);
		Locator shifted = element -> {
			SourceRef r = new SourceLocator(target, parsedText).locate(element);
			int offset = Math.max(0, r.offset() - prefix.length());
			return new SourceRef(target, r.line(), inFile.column(offset), offset, r.length());
		};
		for (INode error : errorsUpToALimit(result)) {
			// an error in the wrapper's closing "};" (a missing '}') is at the end of the file, not past it
			int offset = Math.min(text.length(), Math.max(0, LimitSyntaxErrors.offset(error) - prefix.length()));
			findings.add(new Finding(rule(error), Severity.ERROR, error.getSyntaxErrorMessage().getMessage(),
					new SourceRef(target, inFile.line(offset), inFile.column(offset), offset,
							Math.min(error.getLength(), text.length() - offset)),
					null));
		}
		return new IncludedFile(result.getRootASTElement(), shifted);
	}

	/** dtc's search for /include/ and /incbin/ files: the including file's folder, then -i. */
	private List<Path> dtcSearchPath(SourceRef at) {
		List<Path> search = new ArrayList<>();
		if (at.file() != null) {
			search.add(at.file().getParent());
		}
		search.addAll(includeDirs);
		return search;
	}

	/** The first match; a device or a directory is found too, to be refused as not a regular file. */
	private static Path findDtcFile(String name, List<Path> search, SourceReader reader) {
		return search.stream().map(dir -> dir.resolve(name).normalize())
				.filter(path -> reader.exists(path) || Files.exists(path)).findFirst().orElse(null);
	}

	/**
	 * The bytes of the file an /incbin/ names, read from disk (a binary has no editor buffer), or what is wrong with
	 * it. A file past the property size limit is refused before it is read.
	 */
	private IncbinFiles.Content incbinContent(String name, SourceRef at) {
		SourceReader reader = SourceReader.withUnsaved(overlay::contentOf);
		List<Path> search = dtcSearchPath(at);
		Path file = findDtcFile(name, search, reader);
		if (file == null) {
			return new IncbinFiles.Content(null, "/incbin/ file not found: " + name + " (searched " + search + ")");
		}
		if (!reader.exists(file)) {
			return new IncbinFiles.Content(null, "/incbin/ " + file + ": not a regular file");
		}
		try {
			if (Files.size(file) > InputLimit.FILE_SIZE.value()) {
				return new IncbinFiles.Content(null, "/incbin/ " + file + ": " + InputLimit.FILE_SIZE.message(null));
			}
			return new IncbinFiles.Content(Files.readAllBytes(file), null);
		} catch (IOException e) {
			return new IncbinFiles.Content(null, "/incbin/ " + file + ": " + e.getMessage());
		}
	}

	/** The board stops at a limit: one input error at {@code at}. */
	private LimitExceeded stop(InputLimit limit, String subject, SourceRef at) {
		LimitExceeded e = usage.stop(limit, subject);
		findings.add(new Finding(BoardChecker.RULE_INPUT, Severity.ERROR, e.getMessage(), at, null));
		return e;
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
