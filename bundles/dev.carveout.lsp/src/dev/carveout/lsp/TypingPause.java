package dev.carveout.lsp;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs a task once changes have paused for a moment: each new call pushes the pending task back. */
final class TypingPause {

	/** The editor's typing pause. */
	static final long PAUSE_MS = 300;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "carveout-typing-pause");
		thread.setDaemon(true);
		return thread;
	});
	private ScheduledFuture<?> pending;

	synchronized void after(Runnable task) {
		if (pending != null) {
			pending.cancel(false);
		}
		pending = timer.schedule(task, PAUSE_MS, TimeUnit.MILLISECONDS);
	}

	void stop() {
		timer.shutdownNow();
	}
}
