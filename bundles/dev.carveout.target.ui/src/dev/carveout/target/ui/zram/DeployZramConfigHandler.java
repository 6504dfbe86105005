package dev.carveout.target.ui.zram;

import java.util.List;
import java.util.Optional;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.ide.IDE;

import dev.carveout.target.SshSessions;
import dev.carveout.target.Target;
import dev.carveout.target.ui.DialogHostKeyPrompt;
import dev.carveout.target.ui.targets.SecureTargetSecrets;
import dev.carveout.target.ui.targets.TargetChooser;
import dev.carveout.target.ui.targets.TargetStore;
import dev.carveout.zram.ConfigFile;

/** Right-click on a zram configuration file → "Deploy zram config to target": pick a target, run the job. */
public class DeployZramConfigHandler extends AbstractHandler {

	public static final String COMMAND_ID = "dev.carveout.target.ui.deployZramConfig";

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		Shell shell = HandlerUtil.getActiveShellChecked(event);
		Optional<IFile> file = selectedFile(event);
		if (file.isEmpty()) {
			MessageDialog.openInformation(shell, "Deploy zram config to target",
					"Select a zram-generator.conf, a *.zram.conf or a file in zram-generator.conf.d.");
			return null;
		}
		IFile config = file.get();
		// The board gets what is on disk: unsaved edits of the set are saved first or the deployment does not start.
		if (!IDE.saveAllEditors(new IResource[] { setFolder(config) }, true)) {
			return null;
		}
		Optional<Target> target = TargetChooser.choose(shell, TargetStore.getDefault().targets(),
				"Deploy zram config to target", "Deploy " + config.getName() + " to:");
		if (target.isEmpty()) {
			return null;
		}
		WorkspaceConfigSet set;
		List<ConfigFile> contents;
		try {
			set = WorkspaceConfigSet.of(config);
			contents = set.contents(null, null);
		} catch (CoreException e) {
			throw new ExecutionException("Cannot read the configuration of " + config.getFullPath() + ": " + e.getMessage(), e);
		}
		SshSessions sessions = SecureTargetSecrets.workbenchSessions();
		new DeployZramConfigJob(target.get(), set.describe(), contents, sessions,
				new DialogHostKeyPrompt(shell.getDisplay())).schedule();
		return null;
	}

	/** The folder of the file's configuration set, or the file alone. */
	private static IResource setFolder(IFile file) {
		try {
			WorkspaceConfigSet set = WorkspaceConfigSet.of(file);
			return set.folder() != null ? set.folder() : file;
		} catch (CoreException e) {
			return file;
		}
	}

	private static Optional<IFile> selectedFile(ExecutionEvent event) {
		if (HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection && selection.size() == 1) {
			IFile file = Adapters.adapt(selection.getFirstElement(), IFile.class);
			if (file != null && ZramConfigMarkers.isZramConfig(file)) {
				return Optional.of(file);
			}
		}
		IEditorPart editor = HandlerUtil.getActiveEditor(event);
		IFile file = editor == null ? null : Adapters.adapt(editor.getEditorInput(), IFile.class);
		return file != null && ZramConfigMarkers.isZramConfig(file) ? Optional.of(file) : Optional.empty();
	}
}
