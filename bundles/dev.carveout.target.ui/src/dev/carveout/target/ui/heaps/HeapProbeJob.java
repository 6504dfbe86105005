package dev.carveout.target.ui.heaps;

import java.io.IOException;
import java.util.function.Consumer;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;

import com.jcraft.jsch.Session;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.memmap.MemoryMap;
import dev.carveout.target.HostKeyPrompt;
import dev.carveout.target.SshSessions;
import dev.carveout.target.Target;
import dev.carveout.target.heaps.BoardState;
import dev.carveout.target.heaps.HeapComparison;
import dev.carveout.target.heaps.HeapProbe;
import dev.carveout.target.heaps.HeapReport;
import dev.carveout.ui.prefs.CarveoutPreferences;

/**
 * Probes a board's heaps in the background and compares them with a DTS: connect, run the probe, read the
 * kernel's log and CMA configuration, check the source with the project's settings, replace the drift markers.
 * Cancelling closes the SSH session, which ends whatever runs on the board at that moment.
 */
public final class HeapProbeJob extends Job {

	private static final String PLUGIN = "dev.carveout.target.ui";

	private final Target target;
	private final IFile source;
	private final SshSessions sessions;
	private final HostKeyPrompt prompt;
	private final Consumer<ProbeOutcome> done;
	private volatile Session session;

	public HeapProbeJob(Target target, IFile source, SshSessions sessions, HostKeyPrompt prompt, Consumer<ProbeOutcome> done) {
		super("Probing DMA-BUF heaps on " + target.name());
		this.target = target;
		this.source = source;
		this.sessions = sessions;
		this.prompt = prompt;
		this.done = done;
		setUser(true);
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		SubMonitor progress = SubMonitor.convert(monitor, getName(), 8);
		if (source.getLocation() == null) {
			return Status.error(source.getFullPath() + " is not a file on this machine: Carveout cannot read it");
		}
		try {
			progress.subTask("Connecting to " + target);
			HeapReport report = HeapProbe.run(() -> sessions.open(target, prompt), opened -> {
				Session dropped = session;
				session = opened;
				if (dropped != null) {
					dropped.disconnect();
				}
				progress.worked(1);
			}, HeapProbe.DEFAULT_MAX_SIZE, step -> {
				if (progress.isCanceled()) {
					throw new OperationCanceledException();
				}
				progress.subTask(step);
				progress.worked(1);
			});
			progress.subTask("Reading the kernel log and configuration");
			BoardState state = BoardState.read(session);
			progress.worked(1);
			progress.subTask("Comparing with " + source.getFullPath());
			MemoryMap map = new BoardChecker(CarveoutPreferences.settingsFor(source.getProject()))
					.check(source.getLocation().toPath(), SourceOverlay.NONE).memoryMap();
			HeapComparison comparison = HeapComparison.compare(map, report, state);
			new DriftMarkers().replace(source, comparison.findings(), progress.split(1));
			done.accept(new ProbeOutcome(target, source, report, comparison));
			int drift = comparison.drift().size();
			return new Status(drift == 0 ? IStatus.OK : IStatus.WARNING, PLUGIN, target.name() + ": "
					+ (drift == 0 ? "no drift from " : drift + " difference(s) from ") + source.getName());
		} catch (OperationCanceledException e) {
			return Status.CANCEL_STATUS;
		} catch (IOException | CoreException | RuntimeException e) {
			return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.error(target.name() + ": " + e.getMessage(), e);
		} finally {
			Session open = session;
			if (open != null) {
				open.disconnect();
			}
			monitor.done();
		}
	}

	@Override
	protected void canceling() {
		Session open = session;
		if (open != null) {
			open.disconnect();
		}
	}
}
