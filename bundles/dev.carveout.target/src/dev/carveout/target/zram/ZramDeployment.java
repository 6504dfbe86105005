package dev.carveout.target.zram;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import com.jcraft.jsch.Session;

import dev.carveout.target.HostKeyPrompt;
import dev.carveout.target.SshSessions;
import dev.carveout.target.Target;
import dev.carveout.zram.ConfigFile;
import dev.carveout.zram.Persistence;
import dev.carveout.zram.PlanRejectedException;
import dev.carveout.zram.ZramConfig;
import dev.carveout.zram.ZramConfigParser;

/**
 * "Deploy zram config to target" without its dialogs: what the UI's job runs, and what the board tests run. Checks
 * the file before connecting, connects, deploys, and if the connection dies while the board's transaction runs,
 * connects again and reports how the transaction ended.
 */
public final class ZramDeployment {

	private static final int RECONNECT_ATTEMPTS = 5;
	private static final long RECONNECT_PAUSE_MS = 1000;

	private final SshSessions sessions;
	private final HostKeyPrompt prompt;
	private Consumer<Session> sessionObserver = s -> {
	};

	public ZramDeployment(SshSessions sessions, HostKeyPrompt prompt) {
		this.sessions = Objects.requireNonNull(sessions);
		this.prompt = Objects.requireNonNull(prompt);
	}

	/** Sees each session this deployment opens (tests cut them to prove a lost connection is survived). */
	public ZramDeployment observeSessions(Consumer<Session> observer) {
		this.sessionObserver = Objects.requireNonNull(observer);
		return this;
	}

	/**
	 * @throws PlanRejectedException   the file has errors (reported before any connection) or does not fit the board
	 * @throws ConnectionLostException the connection died before the transaction started (the board is unchanged),
	 *                                 or could not be made again to read its outcome
	 */
	public DeployResult deploy(Target target, String configText, Persistence persistence, PlanApproval approval,
			BooleanSupplier cancelled, Consumer<DeployEvent> events) throws PlanRejectedException, IOException {
		return deploy(target, List.of(new ConfigFile(ZramConfigParser.MAIN_FILE, configText)), persistence, approval,
				cancelled, events);
	}

	/** Deploys a configuration set (the files at their board paths), merged as zram-generator merges it. */
	public DeployResult deploy(Target target, List<ConfigFile> configSet, Persistence persistence, PlanApproval approval,
			BooleanSupplier cancelled, Consumer<DeployEvent> events) throws PlanRejectedException, IOException {
		ZramConfig config = new ZramConfigParser().parse(configSet);
		if (config.hasErrors()) {
			throw new PlanRejectedException(config.errors());
		}
		Session session = open(target);
		try {
			return new ZramDeployer(BoardShell.over(session), events).deploy(configSet, persistence, approval, cancelled);
		} catch (ConnectionLostException lost) {
			if (lost.transactionId() == null) {
				throw lost;
			}
			return resume(target, lost, events);
		} finally {
			session.disconnect();
		}
	}

	private DeployResult resume(Target target, ConnectionLostException lost, Consumer<DeployEvent> events)
			throws IOException {
		IOException last = lost;
		for (int attempt = 0; attempt < RECONNECT_ATTEMPTS; attempt++) {
			try {
				Thread.sleep(RECONNECT_PAUSE_MS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw lost;
			}
			events.accept(new DeployEvent.Output("connection lost; reconnecting to read transaction " + lost.transactionId()));
			Session again;
			try {
				again = open(target);
			} catch (IOException e) {
				last = e;
				continue;
			}
			try {
				return new ZramDeployer(BoardShell.over(again), events).resume(lost.transactionId());
			} catch (ConnectionLostException e) {
				last = e;
			} finally {
				again.disconnect();
			}
		}
		throw new ConnectionLostException(lost.transactionId(), last);
	}

	private Session open(Target target) throws IOException {
		Session session = sessions.open(target, prompt);
		sessionObserver.accept(session);
		return session;
	}
}
