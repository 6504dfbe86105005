package dev.carveout.target.ui.targets;

import java.util.Arrays;
import java.util.List;

import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

import dev.carveout.target.Target;

/** Add, edit and remove targets: one place for the view and the preference page, store and secrets together. */
public final class TargetEditing {

	private final TargetStore store;
	private final SecureTargetSecrets secrets;

	public TargetEditing(TargetStore store, SecureTargetSecrets secrets) {
		this.store = store;
		this.secrets = secrets;
	}

	/** Opens the dialog for a new target (initial null) or an existing one; saves what the user confirms. */
	public void edit(Shell shell, Target initial) {
		List<String> names = store.targets().stream().map(Target::name).toList();
		TargetDialog dialog = new TargetDialog(shell, initial, names,
				initial != null && secrets.has(initial.name()));
		if (dialog.open() == Window.OK) {
			apply(shell, initial, dialog.result());
		}
	}

	/** Saves an edit: a renamed target takes its stored secret along. */
	public void apply(Shell shell, Target initial, TargetDialog.Result result) {
		Target target = result.target();
		try {
			if (initial != null && !initial.name().equals(target.name())) {
				secrets.secretFor(initial).ifPresent(old -> moveSecret(target.name(), old));
				secrets.forget(initial.name());
				store.remove(initial.name());
			}
			if (result.forgetSecret()) {
				secrets.forget(target.name());
			}
			if (result.secret() != null) {
				secrets.store(target.name(), result.secret());
			}
			store.put(target);
		} catch (StorageException | RuntimeException e) {
			MessageDialog.openError(shell, "Target not saved", "Cannot save " + target.name() + ": " + e.getMessage());
		} finally {
			if (result.secret() != null) {
				Arrays.fill(result.secret(), '\0');
			}
		}
	}

	public void remove(Target target) {
		secrets.forget(target.name());
		store.remove(target.name());
	}

	private void moveSecret(String to, char[] secret) {
		try {
			secrets.store(to, secret);
		} catch (StorageException e) {
			throw new IllegalStateException(e.getMessage(), e);
		} finally {
			Arrays.fill(secret, '\0');
		}
	}
}
