package dev.carveout.dts.check;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;

import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.IParser;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.util.concurrent.ExecutionError;
import com.google.common.util.concurrent.UncheckedExecutionException;

/**
 * Parsed {@link Segment}s, keyed by the segment's preprocessed text (docs/design/parse-pipeline.md): the text
 * already reflects the macros it was read under, so two boards that include a .dtsi with the same macros share
 * one parse, and an edit to one file leaves the other files' segments parsed. Thread-safe; one instance,
 * {@link #SHARED}, serves every check in the JVM (the editor, the builder, the language server, the CLI's board
 * pool), since they all read boards through {@link BoardChecker}.
 * <p>
 * A cached parse (Xtext's AST and node model, not in any resource) is only ever read after it is made: the tree
 * builder and the locators take values and offsets from it, nothing links or edits it, so sharing it between
 * checks and threads is sound. Offsets in it are relative to its segment.
 */
public final class SegmentCache {

	/**
	 * The bound: least recently used segments are dropped past this many characters of segment text (kernel
	 * DTS is ASCII, which Java stores one byte a character). The parse held for a character costs about
	 * {@value #HEAP_PER_CHARACTER} bytes of heap more, so the cache holds at most about 90 MiB: the parses of
	 * about ten boards of the largest kind (qcm6490-idp, with sc7280.dtsi, is 179,082 characters after cpp).
	 */
	public static final int BUDGET_CHARACTERS = 2 << 20;

	/**
	 * Heap per character of text held as Xtext's AST and node model: 7.8 MB for the 179,082 characters of
	 * qcm6490-idp after cpp (six parses kept, heap measured after GC).
	 */
	static final int HEAP_PER_CHARACTER = 44;

	/** The cache of every check in this JVM. */
	public static final SegmentCache SHARED = new SegmentCache(BUDGET_CHARACTERS);

	private final Cache<String, IParseResult> parses;
	private final ConcurrentHashMap<Path, LongAdder> parsesByFile = new ConcurrentHashMap<>();
	private final LongAdder parseCount = new LongAdder();

	/** @param budgetCharacters the total length of the segment texts kept */
	public SegmentCache(int budgetCharacters) {
		// one segment of Guava's cache: its LRU order is then global and an entry may use the whole budget
		parses = CacheBuilder.newBuilder().concurrencyLevel(1).maximumWeight(budgetCharacters)
				.weigher((String text, IParseResult parse) -> text.length()).build();
	}

	/**
	 * The parse of a segment's text, made with {@code parser} when it is not cached (a thread that asks for a
	 * text another is parsing waits for that parse). {@code file} is counted as the file parsed.
	 */
	public IParseResult parse(String text, Path file, IParser parser) {
		try {
			IParseResult result = parses.get(text, () -> {
				parseCount.increment();
				if (file != null) {
					parsesByFile.computeIfAbsent(file, f -> new LongAdder()).increment();
				}
				return parser.parse(new StringReader(text));
			});
			if (result.hasSyntaxErrors()) {
				// not kept: the check then parses the whole text, and the versions typed on the way to a valid
				// one would push useful segments out
				parses.invalidate(text);
			}
			return result;
		} catch (ExecutionException | UncheckedExecutionException | ExecutionError e) {
			// what the parse threw, as if there were no cache (the engine contains its own failures)
			if (e.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (e.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(e.getCause());
		}
	}

	/** How many segments whose first item is in {@code file} were parsed (not found in the cache). */
	public long parses(Path file) {
		LongAdder count = parsesByFile.get(file.toAbsolutePath().normalize());
		return count == null ? 0 : count.sum();
	}

	/** How many segments were parsed in all. */
	public long parses() {
		return parseCount.sum();
	}

	/** How many parsed segments are kept. */
	public long size() {
		return parses.size();
	}

	public void clear() {
		parses.invalidateAll();
	}
}
