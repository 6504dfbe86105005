package dev.carveout.target.ui.zram;

import java.util.List;
import java.util.Optional;

import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.dialogs.ElementListSelectionDialog;

import dev.carveout.target.Target;

/** Asks which target to deploy to, from the targets of the registry. */
public final class TargetChooser {

	private TargetChooser() {
	}

	/** Empty when the user cancels; one target is still shown, so the engineer sees where the deployment goes. */
	public static Optional<Target> choose(Shell shell, List<Target> targets, String fileName) {
		ElementListSelectionDialog dialog = new ElementListSelectionDialog(shell, new LabelProvider() {
			@Override
			public String getText(Object element) {
				return element.toString();
			}
		});
		dialog.setTitle("Deploy zram config to target");
		dialog.setMessage("Deploy " + fileName + " to:");
		dialog.setElements(targets.toArray());
		dialog.setMultipleSelection(false);
		if (!targets.isEmpty()) {
			dialog.setInitialSelections(targets.getFirst());
		}
		return dialog.open() == Window.OK && dialog.getFirstResult() instanceof Target t ? Optional.of(t) : Optional.empty();
	}
}
