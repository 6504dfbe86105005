package dev.carveout.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;


/**
 * Does the work of each board (its check, and what the report needs of it) on every core while the caller
 * reads the results in input order. Only a few boards run ahead of the reader, so the effective trees of a
 * whole kernel never sit in memory at once.
 */
final class BoardQueue<T> implements AutoCloseable {

	private final Function<BoardArgument, T> work;
	private final Iterator<BoardArgument> boards;
	private final ExecutorService pool;
	private final Deque<Future<T>> ahead = new ArrayDeque<>();
	private final int window;

	BoardQueue(List<BoardArgument> boards, Function<BoardArgument, T> work) {
		this.work = work;
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
	T next() {
		Future<T> future = ahead.removeFirst();
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
			BoardArgument board = boards.next();
			ahead.addLast(board.problem() == null ? pool.submit(() -> work.apply(board))
					: CompletableFuture.completedFuture(null));
		}
	}

	@Override
	public void close() {
		pool.shutdownNow();
	}
}
