package dev.carveout.dts.check;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.IParser;

import dev.carveout.dts.DtsLanguage;
import dev.carveout.dts.dts.DtsFile;
import dev.carveout.dts.dts.IncludeDirective;
import dev.carveout.dts.dts.PreprocessorLine;
import dev.carveout.dts.dts.TopItem;
import dev.carveout.dts.tree.DtTree;
import dev.carveout.dts.tree.EffectiveTreeBuilder;
import dev.carveout.dts.tree.SourceLocator;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.Severity;
import dev.carveout.memmap.SourceRef;

/**
 * Reads a board and the files it includes, in include order, and feeds their top-level items to the
 * effective-tree builder. Syntax errors are findings in the file that has them, and again on the include
 * line of the file that pulled it in, so the file being edited always shows them.
 */
final class SourceSet {

	private static final String BODY_PREFIX = "/ { ";
	private static final Pattern INCLUDE = Pattern.compile("#\\s*include\\s*([\"<])([^\">]+)[\">]");

	private final SourceOverlay overlay;
	private final List<Path> includeDirs;
	private final List<Finding> findings;
	private final IParser parser = DtsLanguage.injector().getInstance(IParser.class);
	private final Deque<Path> including = new ArrayDeque<>();
	private final Set<Path> files = new LinkedHashSet<>();

	SourceSet(SourceOverlay overlay, List<Path> includeDirs, List<Finding> findings) {
		this.overlay = overlay;
		this.includeDirs = includeDirs;
		this.findings = findings;
	}

	TranslationUnit load(Path board) {
		return load(board, false);
	}

	/** {@code generateSymbols}: finish the tree as dtc -@ does, with /__symbols__. */
	TranslationUnit load(Path board, boolean generateSymbols) {
		EffectiveTreeBuilder builder = new EffectiveTreeBuilder(findings::add);
		builder.setBodyIncluder(this::includeInBody);
		if (!readInto(board, builder)) {
			return null;
		}
		DtTree tree = builder.finish(generateSymbols);
		return new TranslationUnit(board, tree, Set.copyOf(files));
	}

	/** Returns false when the file cannot be read; its syntax errors do not stop the others. */
	private boolean readInto(Path file, EffectiveTreeBuilder builder) {
		String text;
		try {
			text = BoardChecker.read(file, overlay);
		} catch (IOException e) {
			findings.add(BoardChecker.inputProblem(file, "cannot read " + file + ": " + e.getMessage()));
			return false;
		}
		files.add(file);
		IParseResult result = parser.parse(new StringReader(text));
		SourceLocator locator = new SourceLocator(file, text);
		for (var error : result.getSyntaxErrors()) {
			findings.add(new Finding(BoardChecker.RULE_SYNTAX, Severity.ERROR, error.getSyntaxErrorMessage().getMessage(),
					new SourceRef(file, error.getStartLine(), locator.column(error.getOffset()), error.getOffset(),
							error.getLength()), null));
		}
		if (!(result.getRootASTElement() instanceof DtsFile dts)) {
			return true;
		}
		including.push(file);
		try {
			for (TopItem item : dts.getItems()) {
				if (item instanceof PreprocessorLine line) {
					include(line, line.getText(), locator, builder);
				} else if (item instanceof IncludeDirective dtcInclude) {
					include(dtcInclude, "#include \"" + dtcInclude.getFile() + "\"", locator, builder);
				} else {
					builder.add(item, locator);
				}
			}
		} finally {
			including.pop();
		}
		return true;
	}

	private void include(EObject directive, String text, SourceLocator locator, EffectiveTreeBuilder builder) {
		Matcher m = INCLUDE.matcher(text);
		if (!m.lookingAt()) {
			return; // #define, #if and friends: the preprocessor's business
		}
		String name = m.group(2);
		boolean quoted = m.group(1).equals("\"") || directive instanceof IncludeDirective;
		SourceRef at = locator.locate(directive);
		Path target = resolve(locator.file(), name, quoted);
		if (target == null) {
			findings.add(new Finding(BoardChecker.RULE_INPUT, Severity.ERROR,
					"include file not found: " + name + " (searched " + searchPath(locator.file(), quoted) + ")", at, null));
			return;
		}
		if (including.contains(target)) {
			findings.add(new Finding(BoardChecker.RULE_INPUT, Severity.ERROR, "recursive include of " + name, at, null));
			return;
		}
		int before = findings.size();
		readInto(target, builder);
		int errors = (int) findings.subList(before, findings.size()).stream()
				.filter(f -> f.severity() == Severity.ERROR && f.at().file() != null && !f.at().file().equals(locator.file()))
				.count();
		if (errors > 0) {
			Finding first = findings.subList(before, findings.size()).stream()
					.filter(f -> f.severity() == Severity.ERROR).findFirst().orElseThrow();
			findings.add(new Finding(first.ruleId(), Severity.ERROR, errors + " error(s) in included file " + name
					+ ", first at " + first.at() + ": " + first.message(), at, null));
		}
	}

	/**
	 * An include inside a node body: dtc reads the file's items as items of that body. The file alone is not
	 * a valid DTS file, so it is parsed inside "/ { ... };" written on its first line, which keeps its line
	 * numbers (only columns on the first line shift).
	 */
	private void includeInBody(dev.carveout.dts.dts.Directive directive, SourceLocator locator,
			java.util.function.BiConsumer<List<dev.carveout.dts.dts.BodyItem>, SourceLocator> into) {
		String text = directive instanceof IncludeDirective dtcInclude ? "#include \"" + dtcInclude.getFile() + "\""
				: ((PreprocessorLine) directive).getText();
		Matcher m = INCLUDE.matcher(text);
		if (!m.lookingAt()) {
			return;
		}
		String name = m.group(2);
		boolean quoted = m.group(1).equals("\"") || directive instanceof IncludeDirective;
		SourceRef at = locator.locate(directive);
		Path target = resolve(locator.file(), name, quoted);
		if (target == null) {
			findings.add(new Finding(BoardChecker.RULE_INPUT, Severity.ERROR,
					"include file not found: " + name + " (searched " + searchPath(locator.file(), quoted) + ")", at, null));
			return;
		}
		if (including.contains(target)) {
			findings.add(new Finding(BoardChecker.RULE_INPUT, Severity.ERROR, "recursive include of " + name, at, null));
			return;
		}
		String content;
		try {
			content = BoardChecker.read(target, overlay);
		} catch (IOException e) {
			findings.add(new Finding(BoardChecker.RULE_INPUT, Severity.ERROR, "cannot read " + target + ": " + e.getMessage(),
					at, null));
			return;
		}
		files.add(target);
		String wrapped = BODY_PREFIX + content + "\n};\n";
		IParseResult result = parser.parse(new StringReader(wrapped));
		SourceLocator included = new SourceLocator(target, wrapped);
		for (var error : result.getSyntaxErrors()) {
			findings.add(new Finding(BoardChecker.RULE_SYNTAX, Severity.ERROR, error.getSyntaxErrorMessage().getMessage(),
					new SourceRef(target, error.getStartLine(), included.column(error.getOffset()), error.getOffset(),
							error.getLength()), null));
		}
		if (result.getRootASTElement() instanceof DtsFile dts && !dts.getItems().isEmpty()
				&& dts.getItems().get(0) instanceof dev.carveout.dts.dts.NodeDefinition wrapper) {
			including.push(target);
			try {
				into.accept(wrapper.getBody(), included);
			} finally {
				including.pop();
			}
		}
	}

	private Path resolve(Path includer, String name, boolean quoted) {
		for (Path dir : searchPath(includer, quoted)) {
			Path candidate = dir.resolve(name).normalize();
			if (overlay.contentOf(candidate).isPresent() || Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	/** cpp's order: the including file's directory for "...", then each -I directory. */
	private List<Path> searchPath(Path includer, boolean quoted) {
		List<Path> dirs = new java.util.ArrayList<>();
		if (quoted) {
			dirs.add(includer.getParent());
		}
		dirs.addAll(includeDirs);
		return dirs;
	}

}
