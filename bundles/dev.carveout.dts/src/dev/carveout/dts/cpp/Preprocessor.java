package dev.carveout.dts.cpp;

import java.nio.file.Path;

import org.eclipse.xtext.util.CancelIndicator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.carveout.dts.cpp.MacroParser.BadDefinition;

/**
 * A C preprocessor that does what GNU cpp does for DeviceTree sources in kbuild's mode
 * ({@code cpp -nostdinc -undef -D__DTS__ -x assembler-with-cpp}) and records, for each output character, where it
 * came from. Our own: there is no suitable maintained Java C preprocessor (jcpp has been dormant for years and
 * knows neither assembler mode nor per-character origins).
 * <p>
 * One instance can run many boards, also from several threads at once: each {@link #run} has its own macro table,
 * and lexed files are shared through a {@link LexCache}.
 */
public final class Preprocessor {

	/** What cpp predefines with -undef -x assembler-with-cpp (see {@code cpp -undef -x assembler-with-cpp -dM}). */
	private static final Map<String, String> BUILTIN = Map.of("__STDC__", "1", "__STDC_HOSTED__", "1",
			"__ASSEMBLER__", "1");

	final List<Path> includeDirs;
	final SourceReader reader;
	final LexCache cache;
	final IncludeSearch includeSearch;
	/** Command-line macros, parsed once; runs copy the map and share the immutable definitions. */
	final Map<String, Macro> predefined;
	final List<String> badDefines;

	public Preprocessor(List<Path> includeDirs, Map<String, String> defines, SourceReader reader) {
		this(includeDirs, defines, reader, LexCache.SHARED);
	}

	public Preprocessor(List<Path> includeDirs, Map<String, String> defines, SourceReader reader, LexCache cache) {
		this.includeDirs = List.copyOf(includeDirs);
		this.reader = reader;
		this.cache = cache;
		this.includeSearch = new IncludeSearch(this.includeDirs, reader);
		Map<String, String> all = new LinkedHashMap<>(BUILTIN);
		all.putAll(defines);
		Map<String, Macro> macros = new LinkedHashMap<>();
		for (Macro builtin : Macro.BUILTINS) {
			macros.put(builtin.name, builtin);
		}
		List<String> bad = new ArrayList<>();
		for (Map.Entry<String, String> define : all.entrySet()) {
			// "NAME" -> "VALUE" means -DNAME=VALUE; a key "F(x)" defines a function-like macro
			String line = define.getKey() + " " + (define.getValue() == null ? "1" : define.getValue());
			LexedFile lexed = CppLexer.lex(Path.of("<command-line>"), line);
			try {
				Macro macro = MacroParser.parse(lexed, 0, lexed.count);
				macros.put(macro.name, macro);
			} catch (BadDefinition e) {
				bad.add("-D" + define.getKey() + ": " + e.getMessage());
			}
		}
		this.predefined = Map.copyOf(macros);
		this.badDefines = List.copyOf(bad);
	}

	/** kbuild's defines for DeviceTree sources: {@code -D__DTS__}. */
	public static Map<String, String> kbuildDefines() {
		return Map.of("__DTS__", "1");
	}

	/** Preprocesses a file with everything it includes. Never throws on bad input: problems are diagnostics. */
	public PreprocessedUnit run(Path file) {
		return run(file, CancelIndicator.NullImpl);
	}

	/** {@link #run(Path)}, asking {@code cancel} as it goes: a cancelled run throws Xtext's OperationCanceledError. */
	public PreprocessedUnit run(Path file, CancelIndicator cancel) {
		return new PreprocessorRun(this, cancel).run(file);
	}
}
