package dev.carveout.dts.cpp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.xtext.service.OperationCanceledManager;
import org.eclipse.xtext.util.CancelIndicator;

import dev.carveout.dts.cpp.IfExpression.BadExpression;
import dev.carveout.dts.cpp.MacroParser.BadDefinition;
import dev.carveout.dts.limits.InputLimit;
import dev.carveout.dts.limits.InputUsage;
import dev.carveout.dts.limits.LimitExceeded;
import dev.carveout.memmap.Severity;

/**
 * One preprocessing of one main file. Structured like GNU cpp (libcpp/macro.cc): a stack of files below a stack of
 * macro contexts; {@link #getToken} pulls the next token, expanding macros on the way; a macro is disabled while
 * its context is on the stack; padding tokens carry the spacing information the {@link OutputWriter} needs to
 * space the output exactly as cpp does.
 * <p>
 * Plain tokens read from a file at base level are printed straight from the lexed arrays without becoming objects;
 * only macro names, arguments and directive lines are turned into {@link Tok}s.
 */
final class PreprocessorRun {

	/** The main file has ended. */
	private static final Tok MAIN_EOF = Tok.of(Tok.EOF, "", 0);
	/** The current file has ended while macro arguments were being collected. */
	private static final Tok FILE_EOF = Tok.of(Tok.EOF, "", 0);
	/** The end of a macro argument under pre-expansion, or of a directive line under expansion. */
	private static final Tok ARG_EOF = Tok.of(Tok.EOF, "", 0);
	/** Stands for the plain file token described by scratchFile/scratchIndex. */
	private static final Tok SCRATCH = Tok.of(Tok.OTHER, "", 0);

	private final Preprocessor config;
	private final HashMap<String, Macro> macros;
	private final List<CppDiagnostic> diagnostics = new ArrayList<>();
	private final Set<Path> files = new LinkedHashSet<>();
	private final Set<Path> onceOnly = new HashSet<>();
	/** Files read in this run: an #include of one again reuses its text instead of reading it again. */
	private final HashMap<Path, LexedFile> read = new HashMap<>();
	private final InputUsage usage = new InputUsage();
	private final OutputWriter out = new OutputWriter(usage);
	private final MacroDefinitions definitions = new MacroDefinitions();
	private final ArrayList<FileState> fileStack = new ArrayList<>();
	private final ArrayList<Context> contexts = new ArrayList<>();

	/** Macro names are not expanded (while collecting arguments, after "defined"). */
	private int preventExpansion;
	/** 0: not collecting arguments; 1: looking for the '(' after a function-like macro name; 2: in arguments. */
	private int parsingArgs;

	private int counter;
	private FileState scratchFile;
	private int scratchIndex;
	/** The last token from getToken came from a file, not from a macro context. */
	private boolean lastFromFile;

	/** Macro contexts on the stack, and arguments being pre-expanded inside each other (Java recursion). */
	private int macroDepth;
	private int argDepth;
	/** Files pushed so far, the board itself included ({@link InputLimit#FILES_ENTERED}). */
	private long filesEntered;
	/** The outermost macro expansion under way (its name token) and the tokens it has produced so far. */
	private Tok expansionRoot;
	private String expansionMacro;
	private long expansionTokens;
	private long boardTokens;

	/** The outermost macro invocation whose expansion is being printed. */
	private FileContext invocationFile;
	private int invocationOffset;
	private String invocationMacro;

	/** Asked every CANCEL_POLL tokens written: often enough to stop within milliseconds, rarely enough to cost nothing. */
	private static final int CANCEL_POLL = 4096;
	private static final OperationCanceledManager CANCELLATION = new OperationCanceledManager();
	private final CancelIndicator cancel;

	PreprocessorRun(Preprocessor config, CancelIndicator cancel) {
		this.config = config;
		this.cancel = cancel;
		this.macros = new HashMap<>(8192);
		this.macros.putAll(config.predefined);
		for (String bad : config.badDefines) {
			diagnostics.add(new CppDiagnostic(Severity.ERROR, bad, null));
		}
	}

	/** A file being read: its tokens, the read position and its open conditionals. */
	private static final class FileState {
		final FileContext ctx;
		final LexedFile lf;
		/** Index in the include directories where the file was found, -1 if not found through them. */
		final int dirIndex;
		int pos;
		final ArrayList<Conditional> conditionals = new ArrayList<>();

		FileState(FileContext ctx, int dirIndex) {
			this.ctx = ctx;
			this.lf = ctx.lexed;
			this.dirIndex = dirIndex;
		}
	}

	private static final class Conditional {
		final String directive;
		final int offset;
		/** A group of this conditional has been (or is being) processed. */
		boolean taken;
		boolean sawElse;

		Conditional(String directive, int offset, boolean taken) {
			this.directive = directive;
			this.offset = offset;
			this.taken = taken;
		}
	}

	/** Tokens being read back: a macro's expansion, an argument under pre-expansion, or pushed-back padding. */
	private static final class Context {
		final Tok[] toks;
		int pos;
		/** The expanded macro, disabled while this context exists; null for other contexts. */
		final Macro macro;
		/** Reading past the end yields ARG_EOF instead of leaving the context. */
		final boolean argEnd;

		Context(Tok[] toks, Macro macro, boolean argEnd) {
			this.toks = toks;
			this.macro = macro;
			this.argEnd = argEnd;
		}
	}

	PreprocessedUnit run(Path file) {
		Path main = file.toAbsolutePath().normalize();
		try {
			String content = config.reader.read(main);
			pushFile(main, content, null, -1);
		} catch (IOException | RuntimeException e) {
			diagnostics.add(new CppDiagnostic(Severity.ERROR, "cannot read " + main + ": " + e.getMessage(), null));
			return new PreprocessedUnit("", out.origins, List.copyOf(diagnostics), List.of(), definitions, usage);
		}
		try {
			for (long written = 1;; written++) {
				if (written % CANCEL_POLL == 0) {
					CANCELLATION.checkCanceled(cancel);
				}
				Tok t = getToken();
				if (t == MAIN_EOF) {
					break;
				}
				print(t);
			}
		} catch (LimitExceeded e) {
			// the board stops here: what was read so far is not parsed (SourceSet sees usage().exceeded())
			diagnostics.add(new CppDiagnostic(Severity.ERROR, e.getMessage(), whereLimitHit(e.limit())));
		} catch (RuntimeException | StackOverflowError e) {
			// a bug of ours, or absurdly deep nesting, must not take the editor down; say where it happened
			FileState fs = fileStack.isEmpty() ? null : top();
			String message = e instanceof StackOverflowError ? "nesting too deep to preprocess"
					: "internal preprocessor error: " + e;
			diagnostics.add(new CppDiagnostic(Severity.ERROR, message,
					fs == null ? null : fs.ctx.origin(fs.pos < fs.lf.count ? fs.lf.start[fs.pos] : 0, null)));
		}
		if (out.out.length() > 0) {
			out.out.append('\n');
		}
		return new PreprocessedUnit(out.out.toString(), out.origins, List.copyOf(diagnostics), List.copyOf(files),
				definitions, usage);
	}

	/** A macro limit at the outermost invocation being expanded, any other at the current place in the file. */
	private Origin whereLimitHit(InputLimit limit) {
		boolean macroLimit = limit == InputLimit.MACRO_EXPANSION_TOKENS || limit == InputLimit.MACRO_NESTING
				|| limit == InputLimit.MACRO_TOKENS_PER_BOARD;
		if (macroLimit && expansionRoot != null && expansionRoot.file != null) {
			return expansionRoot.file.origin(expansionRoot.offset, null);
		}
		if (fileStack.isEmpty()) {
			return null;
		}
		FileState fs = top();
		return fs.ctx.origin(fs.lf.start[Math.max(0, Math.min(fs.pos, fs.lf.count - 1))], null);
	}

	private void print(Tok t) {
		if (t == SCRATCH) {
			out.direct(scratchFile.lf, scratchIndex, scratchFile.ctx);
		} else if (t.kind == Tok.PADDING) {
			out.padding(t);
		} else if (t.kind == Tok.EOF) {
			// ARG_EOF/FILE_EOF never reach here at base level
		} else if (lastFromFile && t.file != null) {
			out.token(t, t.file, t.offset, null);
		} else {
			out.token(t, invocationFile, invocationOffset, invocationMacro);
		}
	}

	// ---------------------------------------------------------------- files

	private FileState top() {
		return fileStack.get(fileStack.size() - 1);
	}

	private void pushFile(Path path, String content, Origin includedFrom, int dirIndex) {
		LexedFile lf = config.cache.get(path, content);
		read.put(path, lf);
		pushFile(lf, includedFrom, dirIndex);
	}

	private void pushFile(LexedFile lf, Origin includedFrom, int dirIndex) {
		usage.check(InputLimit.FILES_ENTERED, ++filesEntered, null);
		CANCELLATION.checkCanceled(cancel); // a run of #includes writes nothing, so the writer's poll would not see it
		Path path = lf.path;
		FileContext ctx = new FileContext(path, lf, includedFrom);
		files.add(path);
		fileStack.add(new FileState(ctx, dirIndex));
		for (int i = 0; i < lf.problems.length; i++) {
			diagnostics.add(new CppDiagnostic(lf.problemSeverities[i], lf.problems[i], ctx.origin(lf.problemOffsets[i], null)));
		}
	}

	private void endOfFile(FileState fs) {
		for (Conditional c : fs.conditionals) {
			error("unterminated #" + c.directive, fs.ctx.origin(c.offset, null));
		}
		fileStack.remove(fileStack.size() - 1);
	}

	/**
	 * The next token of the current file at base level, directives handled: SCRATCH for a plain token, a Tok for a
	 * possible macro name or while collecting arguments, FILE_EOF or MAIN_EOF at the end.
	 */
	private Tok lexFile() {
		while (true) {
			if (fileStack.isEmpty()) {
				return MAIN_EOF;
			}
			FileState fs = top();
			LexedFile lf = fs.lf;
			if (fs.pos >= lf.count) {
				if (parsingArgs > 0) {
					return FILE_EOF;
				}
				endOfFile(fs);
				continue;
			}
			int i = fs.pos;
			int flags = lf.flags[i];
			boolean bol = (flags & Tok.BOL) != 0;
			if (bol && lf.isPunct(i, "#")) {
				String directive = directiveName(lf, i);
				if (directive != null) {
					directive(fs, i, directive);
					continue;
				}
			}
			fs.pos++;
			if (bol && parsingArgs == 0) {
				out.lineChange(lf, i, fs.ctx);
			}
			if (parsingArgs > 0 || lf.kind[i] == Tok.NAME && macros.containsKey(lf.names[i])) {
				return materialize(fs.ctx, i, bol && parsingArgs == 2 ? Tok.PREV_WHITE : 0);
			}
			scratchFile = fs;
			scratchIndex = i;
			return SCRATCH;
		}
	}

	private static Tok materialize(FileContext ctx, int i, int extraFlags) {
		LexedFile lf = ctx.lexed;
		return new Tok(lf.kind[i], lf.spelling(i), lf.flags[i] | extraFlags, -1, null, ctx, lf.start[i]);
	}

	/** The directive named after the '#' at i, or null when cpp (assembler mode) passes the line through. */
	private static String directiveName(LexedFile lf, int i) {
		int n = i + 1;
		if (n >= lf.count || lf.startsLine(n)) {
			return ""; // the null directive
		}
		if (lf.kind[n] != Tok.NAME) {
			return null;
		}
		String name = lf.names[n];
		switch (name) {
		case "include", "include_next", "define", "undef", "if", "ifdef", "ifndef", "elif", "elifdef", "elifndef",
				"else", "endif", "error", "warning", "pragma", "line", "ident", "sccs", "assert", "unassert",
				"import":
			return name;
		default:
			return null;
		}
	}

	// ---------------------------------------------------------------- directives

	private void directive(FileState fs, int hash, String name) {
		LexedFile lf = fs.lf;
		int end = lf.lineEnd(hash);
		int from = hash + 2;
		fs.pos = end;
		if (parsingArgs == 2 && (name.equals("include") || name.equals("include_next") || name.equals("import"))) {
			error("#" + name + " may not be used inside macro arguments", at(fs, hash));
			return;
		}
		int savedPrevent = preventExpansion;
		int savedParsing = parsingArgs;
		preventExpansion = 0;
		parsingArgs = 0;
		try {
			switch (name) {
			case "define" -> define(fs, hash, from, end);
			case "undef" -> {
				if (from < end && lf.kind[from] == Tok.NAME) {
					macros.remove(lf.names[from]);
					definitions.undefined(lf.names[from]);
				} else {
					error("no macro name given in #undef directive", at(fs, hash));
				}
			}
			case "include", "include_next", "import" -> include(fs, hash, from, end, name);
			case "if" -> conditional(fs, hash, name, evaluate(fs, hash, from, end));
			case "ifdef", "ifndef" -> conditional(fs, hash, name, defined(fs, hash, from, end, name) == name.equals("ifdef"));
			case "elif", "elifdef", "elifndef", "else" -> {
				if (fs.conditionals.isEmpty()) {
					error("#" + name + " without #if", at(fs, hash));
				} else {
					Conditional c = fs.conditionals.get(fs.conditionals.size() - 1);
					if (c.sawElse) {
						error("#" + name + " after #else", at(fs, hash));
					}
					c.sawElse |= name.equals("else");
					// the group before was processed, so every later group is skipped
					skipGroup(fs, true);
				}
			}
			case "endif" -> {
				if (fs.conditionals.isEmpty()) {
					error("#endif without #if", at(fs, hash));
				} else {
					fs.conditionals.remove(fs.conditionals.size() - 1);
				}
			}
			case "error", "warning" -> diagnostics.add(new CppDiagnostic(
					name.equals("error") ? Severity.ERROR : Severity.WARNING, "#" + name + " " + lineText(lf, from, end),
					at(fs, hash)));
			case "pragma" -> {
				if (from < end && lf.kind[from] == Tok.NAME && lf.names[from].equals("once")) {
					onceOnly.add(fs.ctx.path);
				}
				// other pragmas mean nothing to dtc; gcc would print them, kernel DTS files have none
			}
			case "line" -> lineDirective(fs, from, end);
			default -> {
				// null directive, #ident, #sccs, #assert,
				// #unassert: nothing for dtc
			}
			}
		} finally {
			preventExpansion = savedPrevent;
			parsingArgs = savedParsing;
		}
	}

	/**
	 * '#line 12 "other.dtsi"' changes only __LINE__ (not modelled) and the places cpp's line markers name, which dtc
	 * reports its errors at: kept for them. A #line whose operands are macros is left out.
	 */
	private void lineDirective(FileState fs, int from, int end) {
		LexedFile lf = fs.lf;
		if (from >= end || lf.kind[from] != Tok.NUMBER) {
			return;
		}
		String digits = lf.text.substring(lf.start[from], lf.end[from]);
		if (!digits.chars().allMatch(Character::isDigit) || digits.length() > 10) {
			return;
		}
		String name = null;
		if (from + 1 < end && lf.kind[from + 1] == Tok.STRING) {
			String quoted = lf.text.substring(lf.start[from + 1], lf.end[from + 1]);
			name = quoted.substring(1, quoted.length() - 1).replaceAll("\\\\(.)", "$1");
		}
		out.origins.lineDirective(new LineDirective(fs.ctx.path, at(fs, end - 1).line(), Long.parseLong(digits), name));
	}

	private Origin at(FileState fs, int token) {
		return fs.ctx.origin(fs.lf.start[Math.min(token, fs.lf.count - 1)], null);
	}

	private void error(String message, Origin at) {
		diagnostics.add(new CppDiagnostic(Severity.ERROR, message, at));
	}

	private static String lineText(LexedFile lf, int from, int end) {
		if (from >= end) {
			return "";
		}
		return lf.text.substring(lf.start[from], lf.end[end - 1]).replace("\n", " ").strip();
	}

	private void define(FileState fs, int hash, int from, int end) {
		try {
			Macro macro = fs.lf.macroAt(from, end);
			macros.put(macro.name, macro);
			definitions.defined(macro.name, fs.ctx, fs.lf.start[from]);
		} catch (BadDefinition e) {
			error(e.getMessage(), at(fs, hash));
		}
	}

	/** For #ifdef/#ifndef (and #elifdef/#elifndef): whether the named macro is defined. */
	private boolean defined(FileState fs, int hash, int from, int end, String directive) {
		LexedFile lf = fs.lf;
		if (from >= end || lf.kind[from] != Tok.NAME) {
			error("no macro name given in #" + directive + " directive", at(fs, hash));
			return false;
		}
		return macros.containsKey(lf.names[from]);
	}

	private void conditional(FileState fs, int hash, String name, boolean value) {
		fs.conditionals.add(new Conditional(name, fs.lf.start[hash], value));
		if (!value) {
			skipGroup(fs, false);
		}
	}

	/**
	 * Skips the tokens of a group whose condition is false, up to the #elif/#else that is taken or the matching
	 * #endif. With {@code toEndif}, a group was processed already and everything up to #endif is skipped.
	 */
	private void skipGroup(FileState fs, boolean toEndif) {
		LexedFile lf = fs.lf;
		int depth = 0;
		int i = fs.pos;
		Conditional c = fs.conditionals.get(fs.conditionals.size() - 1);
		while (i < lf.count) {
			if ((lf.flags[i] & Tok.BOL) == 0 || !lf.isPunct(i, "#") || i + 1 >= lf.count || lf.startsLine(i + 1)
					|| lf.kind[i + 1] != Tok.NAME) {
				i++;
				continue;
			}
			String d = lf.names[i + 1];
			int end = lf.lineEnd(i);
			switch (d) {
			case "if", "ifdef", "ifndef" -> depth++;
			case "endif" -> {
				if (depth == 0) {
					fs.conditionals.remove(fs.conditionals.size() - 1);
					fs.pos = end;
					return;
				}
				depth--;
			}
			case "elif", "elifdef", "elifndef", "else" -> {
				if (depth == 0) {
					if (c.sawElse) {
						error("#" + d + " after #else", at(fs, i));
					}
					if (d.equals("else")) {
						c.sawElse = true;
					}
					if (!toEndif && !c.taken) {
						boolean value = switch (d) {
						case "else" -> true;
						case "elif" -> evaluate(fs, i, i + 2, end);
						default -> defined(fs, i, i + 2, end, d) == d.equals("elifdef");
						};
						if (value) {
							c.taken = true;
							fs.pos = end;
							return;
						}
					}
				}
			}
			default -> {
				// any other directive in a skipped group is skipped with it
			}
			}
			i = end;
		}
		fs.pos = lf.count;
	}

	/** Evaluates the #if/#elif expression on tokens [from, end) of the file. */
	private boolean evaluate(FileState fs, int hash, int from, int end) {
		List<Tok> tokens = expandLine(fs, from, end, true);
		if (tokens == null) {
			return false;
		}
		try {
			return IfExpression.evaluate(tokens);
		} catch (BadExpression e) {
			error(e.getMessage(), at(fs, hash));
			return false;
		}
	}

	/**
	 * Macro-expands tokens [from, end) of a directive line; with {@code ifMode}, "defined X" and "defined(X)"
	 * become 1 or 0 first. Null after an error (reported).
	 */
	private List<Tok> expandLine(FileState fs, int from, int end, boolean ifMode) {
		Tok[] line = new Tok[end - from];
		for (int i = from; i < end; i++) {
			line[i - from] = materialize(fs.ctx, i, 0);
		}
		int savedPrevent = preventExpansion;
		int savedParsing = parsingArgs;
		preventExpansion = 0;
		parsingArgs = 0;
		int depth = contexts.size();
		contexts.add(new Context(line, null, true));
		List<Tok> result = new ArrayList<>();
		boolean ok = true;
		try {
			while (true) {
				Tok t = getToken();
				if (t == ARG_EOF) {
					break;
				}
				if (t.kind == Tok.PADDING) {
					continue;
				}
				if (ifMode && t.kind == Tok.NAME && t.text.equals("defined")) {
					preventExpansion++;
					Tok name = nextNonPadding();
					boolean paren = name.is("(");
					if (paren) {
						name = nextNonPadding();
					}
					if (name.kind != Tok.NAME) {
						error("operator \"defined\" requires an identifier", at(fs, from - 2));
						ok = false;
						preventExpansion--;
						break;
					}
					if (paren && !nextNonPadding().is(")")) {
						error("missing ')' after \"defined\"", at(fs, from - 2));
						ok = false;
						preventExpansion--;
						break;
					}
					preventExpansion--;
					boolean known = macros.containsKey(name.text) || name.text.startsWith("__has_include");
					result.add(Tok.of(Tok.NUMBER, known ? "1" : "0", 0));
					continue;
				}
				if (ifMode && t.kind == Tok.NAME
						&& (t.text.equals("__has_include") || t.text.equals("__has_include_next"))) {
					Boolean found = hasInclude(fs, t.text.endsWith("_next"));
					if (found == null) {
						error("operator \"" + t.text + "\" requires a header-name", at(fs, from - 2));
						ok = false;
						break;
					}
					result.add(Tok.of(Tok.NUMBER, found ? "1" : "0", 0));
					continue;
				}
				result.add(t);
			}
		} finally {
			while (contexts.size() > depth) {
				popContext();
			}
			preventExpansion = savedPrevent;
			parsingArgs = savedParsing;
		}
		return ok ? result : null;
	}

	/** The operand of __has_include: ( "file" ) or ( <file> ); whether it exists, null when malformed. */
	private Boolean hasInclude(FileState fs, boolean next) {
		preventExpansion++;
		try {
			if (!nextNonPadding().is("(")) {
				return null;
			}
			Tok t = nextNonPadding();
			String name;
			boolean angled = t.is("<");
			if (t.kind == Tok.STRING) {
				name = t.text.substring(1, t.text.length() - 1);
			} else if (angled) {
				StringBuilder sb = new StringBuilder();
				for (t = nextNonPadding(); !t.is(">"); t = nextNonPadding()) {
					if (t.kind == Tok.EOF) {
						return null;
					}
					sb.append(t.text);
				}
				name = sb.toString();
			} else {
				return null;
			}
			if (!nextNonPadding().is(")")) {
				return null;
			}
			name = cString(name);
			return !name.isEmpty() && config.includeSearch.find(name, angled, next, fs.ctx.path, fs.dirIndex).file() != null;
		} finally {
			preventExpansion--;
		}
	}

	private Tok nextNonPadding() {
		Tok t;
		do {
			t = getToken();
		} while (t.kind == Tok.PADDING);
		return t;
	}

	private void include(FileState fs, int hash, int from, int end, String directive) {
		LexedFile lf = fs.lf;
		String name = null;
		boolean angled = false;
		if (from < end && lf.kind[from] == Tok.STRING) {
			String s = lf.spelling(from);
			name = s.substring(1, s.length() - 1);
		} else if (from < end && lf.isPunct(from, "<")) {
			// As GNU cpp reads a header-name: up to the first '>' on the line, "/*" and all taken literally.
			int close = lf.end[from];
			while (close < lf.text.length() && "\r\n>".indexOf(lf.text.charAt(close)) < 0) {
				close++;
			}
			if (close < lf.text.length() && lf.text.charAt(close) == '>') {
				name = lf.text.substring(lf.end[from], close);
				angled = true;
			}
		} else if (from < end) {
			// computed include: expand the line, then read it as "file" or <file>
			List<Tok> expanded = expandLine(fs, from, end, false);
			if (expanded != null && !expanded.isEmpty()) {
				Tok first = expanded.get(0);
				if (first.kind == Tok.STRING) {
					name = first.text.substring(1, first.text.length() - 1);
				} else if (first.is("<")) {
					StringBuilder sb = new StringBuilder();
					for (int k = 1; k < expanded.size(); k++) {
						Tok t = expanded.get(k);
						if (t.is(">")) {
							name = sb.toString();
							angled = true;
							break;
						}
						if (sb.length() > 0 && t.has(Tok.PREV_WHITE)) {
							sb.append(' ');
						}
						sb.append(t.text);
					}
				}
			}
		}
		if (name == null) {
			error("#" + directive + " expects \"FILENAME\" or <FILENAME>", at(fs, hash));
			return;
		}
		name = cString(name);
		if (name.isEmpty()) {
			error("empty filename in #" + directive, at(fs, hash));
			return;
		}
		if (!usage.within(InputLimit.INCLUDE_DEPTH, fileStack.size() + 1L)) {
			error(InputLimit.INCLUDE_DEPTH.message(name), at(fs, hash));
			return;
		}
		IncludeSearch.Result result = config.includeSearch.find(name, angled, directive.equals("include_next"),
				fs.ctx.path, fs.dirIndex);
		if (result.file() == null) {
			error(name + ": No such file or directory (searched: " + result.searched() + ")", at(fs, hash));
			return;
		}
		Path found = result.file();
		int foundDir = result.dirIndex();
		if (onceOnly.contains(found) || directive.equals("import") && files.contains(found)) {
			return;
		}
		LexedFile known = read.get(found);
		if (known != null) {
			String guard = known.guard();
			if (guard == null || !macros.containsKey(guard)) {
				pushFile(known, at(fs, hash), foundDir);
			}
			return;
		}
		String content;
		try {
			content = config.reader.read(found);
		} catch (IOException | RuntimeException e) {
			error("cannot read " + found + ": " + e.getMessage(), at(fs, hash));
			return;
		}
		pushFile(found, content, at(fs, hash), foundDir);
	}

	/**
	 * A header name as GNU cpp hands it to the file system: a C string, so it ends at its first NUL (the lexer has
	 * warned "null character(s) preserved in literal"); a Java Path refuses a NUL.
	 */
	private static String cString(String name) {
		int nul = name.indexOf('\0');
		return nul < 0 ? name : name.substring(0, nul);
	}

	// ---------------------------------------------------------------- macro expansion

	/** gcc's cpp_get_token: the next token with macros expanded; paddings mark where expansions began and ended. */
	private Tok getToken() {
		while (true) {
			Tok t;
			boolean fromFile;
			if (contexts.isEmpty()) {
				t = lexFile();
				if (t == SCRATCH || t.kind == Tok.EOF) {
					lastFromFile = true;
					return t;
				}
				fromFile = true;
			} else {
				Context c = contexts.get(contexts.size() - 1);
				if (c.pos < c.toks.length) {
					t = c.toks[c.pos++];
					fromFile = false;
					if (t.kind != Tok.PADDING) {
						counted();
					}
				} else if (c.argEnd) {
					return ARG_EOF;
				} else {
					popContext();
					lastFromFile = false;
					return Tok.AVOID_PASTE;
				}
			}
			if (t.kind == Tok.NAME && (t.flags & Tok.NO_EXPAND) == 0) {
				Macro m = macros.get(t.text);
				if (m != null) {
					if (isDisabled(m)) {
						t = t.withFlag(Tok.NO_EXPAND);
					} else if (preventExpansion == 0 && enterMacro(m, t, fromFile)) {
						lastFromFile = false;
						return Tok.padding(t);
					}
				}
			}
			lastFromFile = fromFile;
			return t;
		}
	}

	private boolean isDisabled(Macro m) {
		for (int i = contexts.size() - 1; i >= 0; i--) {
			if (contexts.get(i).macro == m) {
				return true;
			}
		}
		return false;
	}

	private void popContext() {
		if (contexts.remove(contexts.size() - 1).macro != null) {
			macroDepth--;
		}
	}

	/** A token produced by macro expansion: counted for the outermost expansion and for the board. */
	private void counted() {
		if (!usage.within(InputLimit.MACRO_EXPANSION_TOKENS, ++expansionTokens)) {
			throw usage.stop(InputLimit.MACRO_EXPANSION_TOKENS, expansionMacro);
		}
		if (!usage.within(InputLimit.MACRO_TOKENS_PER_BOARD, ++boardTokens)) {
			throw usage.stop(InputLimit.MACRO_TOKENS_PER_BOARD, expansionMacro);
		}
	}

	/** gcc's enter_macro_context: pushes the expansion of m, or returns false when m is not invoked after all. */
	private boolean enterMacro(Macro m, Tok name, boolean fromFile) {
		if (macroDepth == 0 && argDepth == 0) {
			// an outermost invocation: its arguments' expansions count towards it too
			expansionRoot = name;
			expansionMacro = m.name;
			expansionTokens = 0;
		}
		if (fromFile) {
			invocationFile = name.file;
			invocationOffset = name.offset;
			invocationMacro = m.name;
		}
		Tok[] expansion;
		if (m.builtin) {
			expansion = new Tok[] { builtin(m, name) };
		} else if (m.functionLike) {
			int savedPrevent = preventExpansion;
			int savedParsing = parsingArgs;
			preventExpansion++;
			parsingArgs = 1;
			Tok[][] args = null;
			if (peekOpenParen()) {
				parsingArgs = 2;
				args = collectArgs(m, name);
			}
			preventExpansion = savedPrevent;
			parsingArgs = savedParsing;
			if (args == null) {
				return false;
			}
			expansion = m.paramCount == 0 ? MacroOperators.pasted(m.body, m.hasPaste) : substitute(m, args);
		} else {
			expansion = MacroOperators.pasted(m.body, m.hasPaste);
		}
		usage.check(InputLimit.MACRO_NESTING, ++macroDepth, m.name);
		contexts.add(new Context(expansion, m, false));
		return true;
	}

	/** The expansion of __FILE__, __LINE__ or __COUNTER__ at the current place. */
	private Tok builtin(Macro m, Tok name) {
		FileState fs = fileStack.isEmpty() ? null : top();
		switch (m.name) {
		case "__FILE__": {
			String path = fs == null ? "" : fs.ctx.path.toString().replace("\\", "\\\\").replace("\"", "\\\"");
			return Tok.of(Tok.STRING, "\"" + path + "\"", 0);
		}
		case "__LINE__": {
			// like cpp: the line of the __LINE__ token when it was written in a file (a macro argument too),
			// else the line of the outermost macro invocation
			Origin at = name.file != null ? name.file.origin(name.offset, null)
					: invocationFile != null ? invocationFile.origin(invocationOffset, null) : null;
			return Tok.of(Tok.NUMBER, Integer.toString(at != null ? at.line() : 0), 0);
		}
		default:
			return Tok.of(Tok.NUMBER, Integer.toString(counter++), 0);
		}
	}

	/**
	 * gcc's funlike_invocation_p: consumes the '(' after a function-like macro name if there is one, looking past
	 * padding and the ends of macro contexts (which are left for good, as in cpp) and across lines of the file. When
	 * there is none, nothing is consumed but the padding skipped on the way, which is pushed back.
	 */
	private boolean peekOpenParen() {
		Tok padding = null;
		while (true) {
			if (contexts.isEmpty()) {
				if (fileStack.isEmpty()) {
					break;
				}
				FileState fs = top();
				LexedFile lf = fs.lf;
				if (fs.pos < lf.count && lf.isPunct(fs.pos, "(")) {
					fs.pos++;
					return true;
				}
				break;
			}
			Context c = contexts.get(contexts.size() - 1);
			if (c.pos < c.toks.length) {
				Tok t = c.toks[c.pos];
				if (t.kind == Tok.PADDING) {
					c.pos++;
					if (padding == null || !padding.has(Tok.PREV_WHITE) && t.source == null) {
						padding = t;
					}
					continue;
				}
				if (t.is("(")) {
					c.pos++;
					return true;
				}
				break;
			}
			if (c.argEnd) {
				break;
			}
			popContext();
			if (padding == null) {
				padding = Tok.AVOID_PASTE;
			}
		}
		if (padding != null) {
			contexts.add(new Context(new Tok[] { padding }, null, false));
		}
		return false;
	}

	/** gcc's collect_args: the arguments of an invocation whose '(' was consumed; null after an error. */
	private Tok[][] collectArgs(Macro m, Tok name) {
		List<Tok[]> args = new ArrayList<>();
		List<Tok> current = new ArrayList<>();
		int depth = 0;
		while (true) {
			Tok t = getToken();
			if (t == SCRATCH) {
				throw new IllegalStateException("plain token while collecting arguments");
			}
			if (t.kind == Tok.PADDING) {
				if (!current.isEmpty()) {
					current.add(t);
				}
				continue;
			}
			if (t.kind == Tok.EOF || t.is("#") && t.has(Tok.BOL)) {
				if (t.is("#") && lastFromFile) {
					top().pos--; // the line is not an argument; it is printed after all
				}
				error("unterminated argument list invoking macro \"" + m.name + "\"", originOf(name));
				return null;
			}
			if (t.is("(")) {
				depth++;
			} else if (t.is(")")) {
				if (depth-- == 0) {
					break;
				}
			} else if (t.is(",") && depth == 0 && !(m.variadic && args.size() == m.paramCount - 1)) {
				args.add(trimPadding(current));
				current.clear();
				continue;
			}
			current.add(t);
		}
		args.add(trimPadding(current));
		int given = args.size();
		if (given == 1 && m.paramCount == 0 && args.get(0).length == 0) {
			return new Tok[0][];
		}
		if (given < m.paramCount) {
			if (m.variadic && given == m.paramCount - 1) {
				args.add(null); // variable arguments omitted entirely (GNU comma elision applies)
			} else {
				error("macro \"" + m.name + "\" requires " + m.paramCount + " arguments, but only " + given
						+ " given", originOf(name));
				return null;
			}
		} else if (given > m.paramCount) {
			error("macro \"" + m.name + "\" passed " + given + " arguments, but takes just " + m.paramCount,
					originOf(name));
			return null;
		}
		return args.toArray(Tok[][]::new);
	}

	private static Tok[] trimPadding(List<Tok> arg) {
		int n = arg.size();
		while (n > 0 && arg.get(n - 1).kind == Tok.PADDING) {
			n--;
		}
		return arg.subList(0, n).toArray(Tok[]::new);
	}

	private Origin originOf(Tok name) {
		if (name.file != null && lastFromFile) {
			return name.file.origin(name.offset, null);
		}
		if (invocationFile != null) {
			return invocationFile.origin(invocationOffset, invocationMacro);
		}
		return name.file != null ? name.file.origin(name.offset, null) : null;
	}

	/** gcc's replace_args: the body with arguments substituted, stringized and pasted, ready for rescanning. */
	private Tok[] substitute(Macro m, Tok[][] args) {
		Tok[] body = m.body;
		Tok[][] expanded = new Tok[args.length][];
		List<Tok> result = new ArrayList<>(body.length * 2);
		for (int k = 0; k < body.length; k++) {
			Tok src = body[k];
			if (src.kind != Tok.PARAM) {
				result.add(src);
				continue;
			}
			Tok[] arg = args[src.param];
			boolean omitted = arg == null;
			if (omitted) {
				arg = new Tok[0];
			}
			boolean pasteLeft = src.has(Tok.PASTE_LEFT);
			boolean pasteRight = k > 0 && body[k - 1].has(Tok.PASTE_LEFT);
			if (src.has(Tok.STRINGIFY)) {
				Tok s = MacroOperators.stringify(arg);
				result.add(Tok.of(Tok.STRING, s.text, src.flags & (Tok.PREV_WHITE | Tok.PASTE_LEFT)));
				continue;
			}
			if (pasteRight && m.variadic && src.param == m.paramCount - 1 && body[k - 1].is(",")) {
				// GNU ", ## __VA_ARGS__": the comma goes when the variable arguments were left out entirely,
				// otherwise it stays and nothing is pasted
				int last = result.size() - 1;
				if (omitted) {
					result.remove(last);
				} else {
					result.set(last, result.get(last).withoutFlag(Tok.PASTE_LEFT));
					for (Tok t : arg) {
						result.add(t);
					}
					if (!pasteLeft) {
						result.add(Tok.AVOID_PASTE);
					}
				}
				continue;
			}
			if (pasteLeft || pasteRight) {
				if (!pasteRight && k > 0) {
					result.add(Tok.padding(src));
				}
				if (arg.length == 0) {
					result.add(Tok.of(Tok.PLACEMARKER, "", pasteLeft ? Tok.PASTE_LEFT : 0));
				} else {
					for (int a = 0; a < arg.length - 1; a++) {
						result.add(arg[a]);
					}
					Tok last = arg[arg.length - 1];
					result.add(pasteLeft ? last.withFlag(Tok.PASTE_LEFT) : last.withoutFlag(Tok.PASTE_LEFT));
				}
				if (!pasteLeft) {
					result.add(Tok.AVOID_PASTE);
				}
				continue;
			}
			if (expanded[src.param] == null) {
				expanded[src.param] = expandArg(arg);
			}
			if (k > 0) {
				result.add(Tok.padding(src));
			}
			for (Tok t : expanded[src.param]) {
				result.add(t);
			}
			result.add(Tok.AVOID_PASTE);
		}
		Tok[] tokens = result.toArray(Tok[]::new);
		boolean paste = false;
		for (Tok t : tokens) {
			paste |= t.has(Tok.PASTE_LEFT) || t.kind == Tok.PLACEMARKER;
		}
		return MacroOperators.pasted(tokens, paste);
	}

	/** gcc's expand_arg: an argument fully macro-expanded on its own, before substitution. */
	private Tok[] expandArg(Tok[] arg) {
		if (arg.length == 0) {
			return arg;
		}
		int savedPrevent = preventExpansion;
		int savedParsing = parsingArgs;
		preventExpansion = 0;
		parsingArgs = 0;
		int depth = contexts.size();
		usage.check(InputLimit.MACRO_NESTING, ++argDepth + macroDepth, expansionMacro);
		contexts.add(new Context(arg, null, true));
		List<Tok> result = new ArrayList<>(arg.length);
		while (true) {
			Tok t = getToken();
			if (t == ARG_EOF) {
				break;
			}
			result.add(t);
		}
		while (contexts.size() > depth) {
			popContext();
		}
		argDepth--;
		preventExpansion = savedPrevent;
		parsingArgs = savedParsing;
		return result.toArray(Tok[]::new);
	}
}
