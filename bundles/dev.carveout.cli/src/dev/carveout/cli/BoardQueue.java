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
import java.util.function.BiFunction;
import java.util.function.Function;


/**
 * Does the work of each board (its check, and what the report needs of it) on every core while the caller
 * reads the results in input order. Only a few boards run ahead of the reader, so the effective trees of a
 * whole kernel never sit in memory at once. A board whose work fails in any way (an exception, a
 * StackOverflowError, an OutOfMemoryError) gets what {@code onFailure} makes of the throwable instead, and the
 * pool and the reader go on with the next board.
 */
final class BoardQueue<T> implements AutoCloseable {

	private final Function<BoardArgument, T> work;
	private final BiFunction<BoardArgument, Throwable, T> onFailure;
	private final Iterator<BoardArgument> boards;
	private final ExecutorService pool;
	private final Deque<Ahead<T>> ahead = new ArrayDeque<>();
	private final int window;

	private record Ahead<T>(BoardArgument board, Future<T> result) {
	}

	BoardQueue(List<BoardArgument> boards, Function<BoardArgument, T> work, BiFunction<BoardArgument, Throwable, T> onFailure) {
		this.work = work;
		this.onFailure = onFailure;
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
		Ahead<T> next = ahead.removeFirst();
		fill();
		try {
			return next.result().get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", e);
		} catch (ExecutionException e) {
			// onFailure itself failed on the pool (say, memory still short after an OutOfMemoryError): again here.
			return onFailure.apply(next.board(), e.getCause());
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
			ahead.addLast(new Ahead<>(board, board.problem() == null ? pool.submit(() -> contained(board))
					: CompletableFuture.completedFuture(null)));
		}
	}

	/** Catches every throwable: by the time the catch runs, the failed board's state is unreachable, however big. */
	private T contained(BoardArgument board) {
		try {
			return work.apply(board);
		} catch (Throwable failure) {
			return onFailure.apply(board, failure);
		}
	}

	@Override
	public void close() {
		pool.shutdownNow();
	}
}
