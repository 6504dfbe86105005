package dev.carveout.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import dev.carveout.dts.cpp.PreprocessedUnit;
import dev.carveout.dts.cpp.Preprocessor;
import dev.carveout.dts.cpp.SourceReader;

/**
 * Which boards a change between two sides reaches: a board one side lacks, a board whose parts changed, and a
 * board that reads a changed file. What a board reads is what its check reads: cpp's files (the only part of
 * the check run for most boards, a sixth of its time), and the whole check's files when cpp's output has a
 * dtc /include/ or /incbin/, whose files only the parse reads. The head side says what each board reads; the
 * base side too when a file was removed (a board may have read it before and another file now).
 */
final class AffectedBoards {

	/** A board of the diff: its name and its parts on each side, as the engine finds them there (null: absent). */
	record BoardPair(String name, List<Path> baseParts, List<Path> headParts) {
	}

	private AffectedBoards() {
	}

	static List<BoardPair> between(DiffSide base, DiffSide head, Collection<String> changed, Predicate<String> wanted,
			ExecutorService pool) throws InterruptedException {
		Map<String, List<String>> before = SideBoards.of(base, wanted);
		Map<String, List<String>> after = SideBoards.of(head, wanted);
		Set<String> changedFiles = new HashSet<>(changed);
		boolean removedFiles = changedFiles.stream().anyMatch(f -> !head.has(f));
		Set<String> names = new TreeSet<>(SideBoards::kbuildOrder);
		names.addAll(before.keySet());
		names.addAll(after.keySet());
		Map<String, Future<Boolean>> reached = new LinkedHashMap<>();
		for (String name : names) {
			List<String> b = before.get(name);
			List<String> h = after.get(name);
			if (b == null || h == null || !b.equals(h) || h.stream().anyMatch(changedFiles::contains)) {
				reached.put(name, java.util.concurrent.CompletableFuture.completedFuture(true));
			} else {
				reached.put(name, pool.submit(() -> reads(head, h, changedFiles) || removedFiles && reads(base, b, changedFiles)));
			}
		}
		List<BoardPair> pairs = new ArrayList<>();
		for (Map.Entry<String, Future<Boolean>> board : reached.entrySet()) {
			boolean affected;
			try {
				affected = board.getValue().get();
			} catch (ExecutionException e) {
				affected = true; // its check will say what went wrong
			}
			if (affected) {
				String name = board.getKey();
				pairs.add(new BoardPair(name, parts(base, before.get(name)), parts(head, after.get(name))));
			}
		}
		return pairs;
	}

	private static List<Path> parts(DiffSide side, List<String> parts) {
		return parts == null ? null : parts.stream().map(side::path).toList();
	}

	/** Whether the board (its parts, top-relative) reads one of {@code changed} on this side. */
	private static boolean reads(DiffSide side, List<String> parts, Set<String> changed) {
		SourceReader reader = SourceReader.withUnsaved(side.overlay()::contentOf);
		Preprocessor cpp = new Preprocessor(side.checker().settings().includeDirs(), Preprocessor.kbuildDefines(), reader);
		for (String part : parts) {
			PreprocessedUnit unit = cpp.run(side.path(part));
			Collection<Path> files = unit.files();
			if (unit.text().contains("/include/") || unit.text().contains("/incbin/")) {
				files = side.checker().check(List.of(side.path(part)), side.overlay()).files();
			}
			if (files.stream().flatMap(f -> side.gitNames(f).stream()).anyMatch(changed::contains)) {
				return true;
			}
		}
		return false;
	}
}
