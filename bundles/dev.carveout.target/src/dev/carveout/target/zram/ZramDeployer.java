package dev.carveout.target.zram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import dev.carveout.target.RemoteCommands;
import dev.carveout.zram.BoardState;
import dev.carveout.zram.ConfigFile;
import dev.carveout.zram.BoardStateProbe;
import dev.carveout.zram.DeploymentPlan;
import dev.carveout.zram.Persistence;
import dev.carveout.zram.PlanRejectedException;
import dev.carveout.zram.TransactionScript;
import dev.carveout.zram.ZramConfig;
import dev.carveout.zram.ZramConfigParser;
import dev.carveout.zram.ZramPlanner;

/**
 * Deploys a zram configuration to a board: reads its state, plans, and runs the plan as one detached transaction
 * ({@link TransactionScript}) whose log it follows, so that the engineer sees every command and its output and a
 * lost connection cannot leave half a configuration behind.
 */
public final class ZramDeployer {

	/** The client's own steps before the board's: read the state, upload, start. */
	static final int CLIENT_STEPS = 3;

	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
	/** mkswap and swapoff of a well-filled device take a while on a slow board. */
	private static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(5);
	/** How long a transaction that was launched may take to write its first log line before it counts as never started. */
	private static final Duration START_GRACE = Duration.ofSeconds(5);
	private static final long POLL_MS = 100;

	private final BoardShell shell;
	private final Consumer<DeployEvent> events;

	public ZramDeployer(BoardShell shell, Consumer<DeployEvent> events) {
		this.shell = Objects.requireNonNull(shell);
		this.events = Objects.requireNonNull(events);
	}

	/**
	 * Deploys {@code configText} as the board's {@code /etc/systemd/zram-generator.conf}. The text is checked before
	 * the board is contacted (what zram-generator refuses never leaves this machine), and again with the semantics of
	 * the board's zram-generator release and against the board's algorithms once its state is read.
	 *
	 * @param persistence also write the configuration where the board's boot reads it
	 * @param cancelled asked before the board is changed; once the transaction runs it is left to finish, because
	 *                  stopping it halfway is exactly what the transaction exists to prevent
	 * @throws PlanRejectedException   the configuration cannot be deployed (to this board); nothing was changed
	 * @throws ConnectionLostException the connection died; see its transaction id
	 */
	public DeployResult deploy(String configText, Persistence persistence, PlanApproval approval, BooleanSupplier cancelled)
			throws PlanRejectedException, IOException {
		return deploy(List.of(new ConfigFile(ZramConfigParser.MAIN_FILE, configText)), persistence, approval, cancelled);
	}

	/** Deploys a configuration set, merged as zram-generator merges it. */
	public DeployResult deploy(List<ConfigFile> configSet, Persistence persistence, PlanApproval approval,
			BooleanSupplier cancelled) throws PlanRejectedException, IOException {
		ZramConfig offline = new ZramConfigParser().parse(configSet);
		if (offline.hasErrors()) {
			throw new PlanRejectedException(offline.errors());
		}
		events.accept(new DeployEvent.Step(1, 0, "read the board's zram state"));
		BoardState board;
		try {
			board = BoardStateProbe.parse(command(BoardStateProbe.COMMAND, null, COMMAND_TIMEOUT, false).stdout());
		} catch (IOException e) {
			throw new ConnectionLostException(null, e);
		}
		// The board's own zram-generator release decides the semantics; its set! commands run on the board, as at boot.
		ZramConfig config = new ZramConfigParser(board.algorithms(), board.generatorVersion()).parse(configSet);
		if (!config.variables().isEmpty() && !config.hasErrors()) {
			try {
				board = board.withSetOutputs(BoardStateProbe.parseSetOutputs(config.variables(),
						command(BoardStateProbe.setCommands(config.variables()), null, COMMAND_TIMEOUT, false).stdout()));
			} catch (IOException e) {
				throw new ConnectionLostException(null, e);
			}
		}
		DeploymentPlan plan = new ZramPlanner().plan(config, board, persistence);
		if (plan.satisfied()) {
			return new DeployResult(DeployResult.Outcome.UNCHANGED, plan, null, "", "");
		}
		if (cancelled.getAsBoolean() || !approval.approve(plan) || cancelled.getAsBoolean()) {
			return new DeployResult(DeployResult.Outcome.NOT_APPLIED, plan, null, "", "");
		}
		int total = CLIENT_STEPS + plan.steps().size();
		String id = newTransactionId();
		String base = TransactionScript.base(id);
		events.accept(new DeployEvent.Step(2, total, "upload the transaction " + base + ".sh"));
		try {
			command("mkdir -p " + ZramPlanner.STATE_DIR + " && cat > " + base + ".sh.part && mv " + base + ".sh.part " + base + ".sh",
					TransactionScript.render(plan, id).getBytes(StandardCharsets.UTF_8), COMMAND_TIMEOUT, true);
		} catch (ConnectionLostException | BoardCommandException e) {
			throw e;
		} catch (IOException e) {
			throw new ConnectionLostException(null, e);
		}
		if (cancelled.getAsBoolean()) {
			return new DeployResult(DeployResult.Outcome.NOT_APPLIED, plan, null, "", "");
		}
		events.accept(new DeployEvent.Step(3, total, "start the transaction on the board, detached from this session"));
		try {
			// setsid: a new session, so the board does not hang it up when this SSH connection ends.
			command("setsid sh " + base + ".sh </dev/null >/dev/null 2>&1 &", null, COMMAND_TIMEOUT, true);
		} catch (IOException e) {
			// Sent or not, it may be running: only the board can tell.
			throw new ConnectionLostException(id, e);
		}
		return follow(id, plan, total);
	}

	/**
	 * The outcome of a transaction whose connection was lost: waits for it to finish on the board, replaying its
	 * log from the start. A transaction that never started is retired so it cannot start late.
	 */
	public DeployResult resume(String transactionId) throws IOException {
		return follow(transactionId, null, 0);
	}

	private DeployResult follow(String id, DeploymentPlan plan, int total) throws IOException {
		String base = TransactionScript.base(id);
		LogReader log = new LogReader(plan, total);
		long started = System.nanoTime();
		try {
			while (true) {
				RemoteCommands.Result r = shell.run(poll(base, log.bytes()), null, COMMAND_TIMEOUT);
				String[] parts = r.stdout().split("@@@@\n?", -1);
				String status = parts[0].strip();
				log.feed(parts.length > 1 ? parts[1] : "", !status.isEmpty() && !status.equals("running"));
				boolean logExists = parts.length > 2 && parts[2].contains("started");
				if (status.equals("done")) {
					return new DeployResult(DeployResult.Outcome.APPLIED, plan, null, "", log.text());
				}
				if (status.equals("busy")) {
					return new DeployResult(DeployResult.Outcome.BUSY, plan, null, "", log.text());
				}
				if (status.startsWith("rolledback") || status.startsWith("rollback-failed")) {
					int step = Integer.parseInt(status.substring(status.indexOf(' ') + 1).strip());
					String error = shell.run("cat " + base + ".failerr 2>/dev/null", null, COMMAND_TIMEOUT).stdout();
					return new DeployResult(status.startsWith("rolledback") ? DeployResult.Outcome.ROLLED_BACK
							: DeployResult.Outcome.ROLLBACK_FAILED, plan, log.title(step), error, log.text());
				}
				Duration waited = Duration.ofNanos(System.nanoTime() - started);
				if (!logExists && waited.compareTo(START_GRACE) > 0) {
					// Retire the script: if the launch arrives after all, sh finds nothing to run.
					shell.run("mv " + base + ".sh " + base + ".sh.never-started 2>/dev/null; true", null, COMMAND_TIMEOUT);
					if (shell.run("[ -e " + base + ".log ] && echo started", null, COMMAND_TIMEOUT).stdout().contains("started")) {
						continue;
					}
					return new DeployResult(DeployResult.Outcome.NOT_APPLIED, plan, null, "", "");
				}
				if (waited.compareTo(TRANSACTION_TIMEOUT) > 0) {
					throw new BoardCommandException("transaction " + id + " did not finish within " + TRANSACTION_TIMEOUT.toMinutes()
							+ " min; its log on the board is " + base + ".log");
				}
				Thread.sleep(POLL_MS);
			}
		} catch (ConnectionLostException | BoardCommandException e) {
			throw e;
		} catch (IOException e) {
			throw new ConnectionLostException(id, e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ConnectionLostException(id, new IOException("interrupted while following the transaction", e));
		}
	}

	/**
	 * One round trip that waits on the board (up to 5 s) until the log grows or the transaction ends, then prints
	 * status, log and whether the log exists: an exec per change rather than a fast poll that would load a small board.
	 */
	private static String poll(String base, long logBytesSeen) {
		return "n=0; while [ $n -lt 25 ]; do case \"$(cat " + base + ".status 2>/dev/null)\" in running|\"\") ;; *) break;; esac; "
				+ "[ $(( $(cat " + base + ".log 2>/dev/null | wc -c) )) -eq " + logBytesSeen + " ] || break; sleep 0.2; n=$((n+1)); done; "
				+ "cat " + base + ".status 2>/dev/null; echo @@@@; cat " + base + ".log 2>/dev/null; echo @@@@; [ -e " + base
				+ ".log ] && echo started";
	}

	private RemoteCommands.Result command(String command, byte[] stdin, Duration timeout, boolean mustSucceed)
			throws IOException {
		events.accept(new DeployEvent.Command(command));
		RemoteCommands.Result r = shell.run(command, stdin, timeout);
		r.stdout().lines().forEach(l -> events.accept(new DeployEvent.Output(l)));
		r.stderr().lines().forEach(l -> events.accept(new DeployEvent.Output(l)));
		if (mustSucceed && !r.succeeded()) {
			throw new BoardCommandException("'" + command + "' failed on the board (exit " + r.exitStatus() + "): " + r.stderr().strip());
		}
		return r;
	}

	private static String newTransactionId() {
		byte[] random = new byte[6];
		new SecureRandom().nextBytes(random);
		return "tx-" + System.currentTimeMillis() + "-" + HexFormat.of().formatHex(random);
	}

	/** The board answered, but not as needed (a command failed, a transaction never ended): no reconnect helps. */
	public static final class BoardCommandException extends IOException {

		private static final long serialVersionUID = 1L;

		BoardCommandException(String message) {
			super(message);
		}
	}

	/** Turns the transaction's log into events, each line once, however often it is read. */
	private final class LogReader {
		private final DeploymentPlan plan;
		private final int total;
		private final StringBuilder text = new StringBuilder();
		private int linesSeen;
		private long logBytes = -1;
		private final Map<Integer, String> titles = new HashMap<>();

		LogReader(DeploymentPlan plan, int total) {
			this.plan = plan;
			this.total = total;
		}

		void feed(String log, boolean complete) {
			List<String> lines = log.lines().toList();
			// The last line may still be written: take it only once the transaction has ended.
			int usable = complete || log.endsWith("\n") ? lines.size() : lines.size() - 1;
			for (int i = linesSeen; i < usable; i++) {
				String line = lines.get(i);
				text.append(line).append('\n');
				if (line.startsWith("@@STEP ")) {
					String[] f = line.split(" ", 3);
					int n = Integer.parseInt(f[1]);
					titles.put(n, f.length > 2 ? f[2] : "");
					events.accept(new DeployEvent.Step(CLIENT_STEPS + n, total, titles.get(n)));
				} else if (line.startsWith("@@CMD ")) {
					events.accept(new DeployEvent.Command(line.substring(6)));
				} else if (line.startsWith("@@SKIP ")) {
					String[] f = line.split(" ", 3);
					events.accept(new DeployEvent.Skipped(CLIENT_STEPS + Integer.parseInt(f[1]), f.length > 2 ? f[2] : ""));
				} else if (line.startsWith("@@FAIL ")) {
					events.accept(new DeployEvent.Failed(CLIENT_STEPS + Integer.parseInt(line.substring(7).strip())));
				} else if (line.equals("@@ROLLBACK")) {
					events.accept(new DeployEvent.RollingBack());
				} else if (!line.startsWith("@@")) {
					events.accept(new DeployEvent.Output(line));
				}
			}
			linesSeen = Math.max(linesSeen, usable);
			logBytes = log.getBytes(StandardCharsets.UTF_8).length;
		}

		String title(int step) {
			if (plan != null && step >= 1 && step <= plan.steps().size()) {
				return plan.steps().get(step - 1).title();
			}
			return titles.getOrDefault(step, "step " + step);
		}

		String text() {
			return text.toString();
		}

		/** Bytes of the log as last read; -1 before the first read, so that one returns at once. */
		long bytes() {
			return logBytes;
		}
	}
}
