package dev.carveout.target.ui.heaps;

import java.util.List;
import java.util.Optional;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.dialogs.ListDialog;

import dev.carveout.target.Target;

/** Asks for the board to probe when the command was not run on a selected target. */
final class TargetChooser {

	private TargetChooser() {
	}

	static Optional<Target> choose(Shell shell, List<Target> targets) {
		if (targets.isEmpty()) {
			MessageDialog.openInformation(shell, "Probe Heaps", "There are no targets yet: add your board in the Targets view.");
			return Optional.empty();
		}
		ListDialog dialog = new ListDialog(shell);
		dialog.setTitle("Probe Heaps");
		dialog.setMessage("Board whose DMA-BUF heaps to probe:");
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
