package dev.carveout.target.ui.zram;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialogWithToggle;
import org.eclipse.swt.widgets.Display;

import dev.carveout.target.HostKeyPrompt;
import dev.carveout.target.SshSessions;
import dev.carveout.target.Target;
import dev.carveout.target.zram.DeployEvent;
import dev.carveout.target.zram.DeployResult;
import dev.carveout.target.zram.ZramDeployment;
import dev.carveout.zram.ConfigFile;
import dev.carveout.zram.DeploymentPlan;
import dev.carveout.zram.Persistence;
import dev.carveout.zram.PlanRejectedException;

/**
 * The cancellable job behind "Deploy zram config to target": {@link ZramDeployment} with the plan confirmation,
 * progress and console around it. Cancelling works until the board's transaction starts; after that the board
 * finishes or rolls back on its own, which is what keeps it whole.
 */
public class DeployZramConfigJob extends Job {

	/** Preference of this bundle: true skips the plan confirmation. */
	public static final String SKIP_PLAN_CONFIRMATION = "zram.skipPlanConfirmation";
	/** Preference of this bundle: true also writes /etc/systemd/zram-generator.conf on the board. */
	public static final String PERSIST = "zram.persist";
	/** The preference node of this bundle, where both preferences live. */
	static final String PREFERENCES = "dev.carveout.target.ui";

	private final Target target;
	private final String fileName;
	private final List<ConfigFile> configSet;
	private final ZramDeployment deployment;

	/**
	 * @param fileName  what is deployed, as the job and the console name it (a file, or a configuration set)
	 * @param configSet the files at their board paths, merged as zram-generator merges them
	 */
	public DeployZramConfigJob(Target target, String fileName, List<ConfigFile> configSet, SshSessions sessions,
			HostKeyPrompt prompt) {
		super("Deploy " + fileName + " to " + target.name());
		this.target = target;
		this.fileName = fileName;
		this.configSet = List.copyOf(configSet);
		this.deployment = new ZramDeployment(sessions, prompt);
		setUser(true);
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		DeployConsole console = new DeployConsole(target);
		console.println("Deploying " + fileName + " to " + target);
		monitor.beginTask(getName(), 100);
		int[] done = { 0 };
		try {
			Persistence persistence = InstanceScope.INSTANCE.getNode(PREFERENCES).getBoolean(PERSIST, false) ? Persistence.SYSTEMD
					: Persistence.NONE;
			DeployResult result = deployment.deploy(target, configSet, persistence, this::confirm, monitor::isCanceled, event -> {
				console.accept(event);
				if (event instanceof DeployEvent.Step s) {
					monitor.subTask(s.title());
					int percent = s.total() == 0 ? 5 : 100 * s.number() / s.total();
					monitor.worked(Math.max(0, percent - done[0]));
					done[0] = Math.max(done[0], percent);
				}
			});
			console.println(result.summary());
			return switch (result.outcome()) {
			case APPLIED, UNCHANGED -> Status.info(result.summary());
			case NOT_APPLIED -> monitor.isCanceled() ? Status.CANCEL_STATUS : Status.info(result.summary());
			case ROLLED_BACK, ROLLBACK_FAILED, BUSY -> Status.error(result.summary());
			};
		} catch (PlanRejectedException e) {
			console.println(fileName + " cannot be deployed:\n" + e.getMessage());
			return Status.error(fileName + " cannot be deployed to " + target.name() + ":\n" + e.getMessage());
		} catch (IOException e) {
			console.println(e.getMessage());
			return Status.error("Deploying " + fileName + " to " + target.name() + " failed: " + e.getMessage(), e);
		} finally {
			monitor.done();
			console.close();
		}
	}

	/** The plan as the exact commands, confirmed on the UI thread unless the preference skips it. */
	private boolean confirm(DeploymentPlan plan) {
		IEclipsePreferences prefs = InstanceScope.INSTANCE.getNode(PREFERENCES);
		if (prefs.getBoolean(SKIP_PLAN_CONFIRMATION, false)) {
			return true;
		}
		AtomicBoolean approved = new AtomicBoolean();
		Display display = Display.getDefault();
		display.syncExec(() -> {
			MessageDialogWithToggle dialog = MessageDialogWithToggle.openOkCancelConfirm(display.getActiveShell(),
					"Deploy zram config to " + target.name(), "These commands will run on " + target + ":\n\n"
							+ plan.describe() + "\nOn any failure the board is rolled back to its current zram state.",
					"Do not show the plan again", false, null, null);
			approved.set(dialog.getReturnCode() == IDialogConstants.OK_ID);
			if (approved.get() && dialog.getToggleState()) {
				prefs.putBoolean(SKIP_PLAN_CONFIRMATION, true);
			}
		});
		return approved.get();
	}

}
