package dev.carveout.target.ui.targets;

import java.util.List;
import java.util.Optional;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.dialogs.ListDialog;

import dev.carveout.target.Target;

/**
 * Asks which registered target a command acts on when it was not run on a selected one. A single target is still
 * shown, so the engineer sees where the command goes.
 */
public final class TargetChooser {

	private TargetChooser() {
	}

	/** Empty when there is no target (the user is told where to add one) or the user cancels. */
	public static Optional<Target> choose(Shell shell, List<Target> targets, String title, String message) {
		if (targets.isEmpty()) {
			MessageDialog.openInformation(shell, title,
					"No targets yet: add the board in the Targets view (Window > Show View > Carveout > Targets).");
			return Optional.empty();
		}
		ListDialog dialog = new ListDialog(shell);
		dialog.setTitle(title);
		dialog.setMessage(message);
		dialog.setContentProvider(ArrayContentProvider.getInstance());
		dialog.setLabelProvider(new LabelProvider());
		dialog.setInput(targets);
		dialog.setInitialSelections(targets.getFirst());
		if (dialog.open() != Window.OK || dialog.getResult() == null || dialog.getResult().length == 0) {
			return Optional.empty();
		}
		return Optional.of((Target) dialog.getResult()[0]);
	}
}
