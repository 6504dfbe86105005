package dev.carveout.target.ui.targets;

import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

import dev.carveout.target.Target;
import dev.carveout.ui.help.HelpContexts;

/**
 * Preferences > Carveout > Targets: the same list as the Targets view, for users who look for settings here.
 * Edits apply at once, as in the view, because both show the one store.
 */
public final class TargetsPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

	private final TargetStore store = TargetStore.getDefault();
	private SecureTargetSecrets secrets;
	private TableViewer viewer;
	private final Runnable refresh = this::refresh;

	@Override
	public void init(IWorkbench workbench) {
		secrets = SecureTargetSecrets.getDefault();
		setDescription("Boards reachable over SSH. Passwords and passphrases are kept in Eclipse secure storage.");
		noDefaultAndApplyButton();
	}

	@Override
	protected Control createContents(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		HelpContexts.set(page, HelpContexts.TARGETS_PREFERENCES);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(page);
		viewer = TargetTable.create(page, () -> secrets);
		GridDataFactory.fillDefaults().grab(true, true).hint(420, 200).applyTo(viewer.getControl().getParent());
		Composite buttons = new Composite(page, SWT.NONE);
		GridLayoutFactory.fillDefaults().applyTo(buttons);
		GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
		TargetEditing editing = new TargetEditing(store, secrets);
		button(buttons, "&Add...", () -> editing.edit(getShell(), null));
		button(buttons, "&Edit...", () -> selected().stream().findFirst().ifPresent(t -> editing.edit(getShell(), t)));
		button(buttons, "&Remove", () -> selected().forEach(editing::remove));
		viewer.addDoubleClickListener(e -> selected().stream().findFirst().ifPresent(t -> editing.edit(getShell(), t)));
		store.addListener(refresh);
		refresh();
		return page;
	}

	private static void button(Composite parent, String text, Runnable run) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(text);
		GridDataFactory.fillDefaults().applyTo(button);
		button.addListener(SWT.Selection, e -> run.run());
	}

	@SuppressWarnings("unchecked")
	private List<Target> selected() {
		return ((IStructuredSelection) viewer.getSelection()).toList();
	}

	private void refresh() {
		if (viewer != null && !viewer.getControl().isDisposed()) {
			viewer.setInput(store.targets());
		}
	}

	@Override
	public void dispose() {
		store.removeListener(refresh);
		super.dispose();
	}
}
