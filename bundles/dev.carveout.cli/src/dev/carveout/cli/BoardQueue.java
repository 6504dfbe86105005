package dev.carveout.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.SourceOverlay;

/**
 * Checks boards on every core while the caller reads the results in input order. Only a few boards run
 * ahead of the reader, so the effective trees of a whole kernel never sit in memory at once.
 */
final class BoardQueue implements AutoCloseable {

	private final BoardChecker checker;
	private final Iterator<Path> boards;
	private final ExecutorService pool;
	private final Deque<Future<CheckResult>> ahead = new ArrayDeque<>();
	private final int window;

	BoardQueue(BoardChecker checker, List<Path> boards) {
		this.checker = checker;
		this.boards = boards.iterator();
		int threads = Math.max(1, Math.min(boards.size(), Runtime.getRuntime().availableProcessors()));
		this.pool = Executors.newFixedThreadPool(threads, r -> {
			Thread t = new Thread(r, "carveout-check");
			t.setDaemon(true);
			return t;
		});
		this.window = threads * 2;
		fill();
	}

	/** The next board's result, in input order; call once per board that exists (see {@link #skip}). */
	CheckResult next() {
		Future<CheckResult> future = ahead.removeFirst();
		fill();
		try {
			return future.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", e);
		} catch (ExecutionException e) {
			throw new IllegalStateException("checking a board failed", e.getCause());
		}
	}

	/** Keeps the queue in step for a board that is not there (no result was computed for it). */
	void skip() {
		ahead.removeFirst();
		fill();
	}

	private void fill() {
		while (ahead.size() < window && boards.hasNext()) {
			Path board = boards.next();
			ahead.addLast(Files.isRegularFile(board) ? pool.submit(() -> checker.check(board, SourceOverlay.NONE))
					: java.util.concurrent.CompletableFuture.completedFuture(null));
		}
	}

	@Override
	public void close() {
		pool.shutdownNow();
	}
}
