package dev.carveout.target.ui.zram;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import dev.carveout.ui.help.HelpContexts;

/** Preferences > Carveout > zram: the two choices "Deploy zram config to target" reads. */
public class ZramPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	public ZramPreferencePage() {
		super(GRID);
		setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, DeployZramConfigJob.PREFERENCES));
		setDescription("Deploying a zram configuration to a target.");
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		HelpContexts.set(getControl(), HelpContexts.ZRAM_PREFERENCES);
	}

	@Override
	protected void createFieldEditors() {
		addField(new BooleanFieldEditor(DeployZramConfigJob.SKIP_PLAN_CONFIRMATION,
				"Deploy without showing the plan (the commands) first", getFieldEditorParent()));
		addField(new BooleanFieldEditor(DeployZramConfigJob.PERSIST,
				"Also write /etc/systemd/zram-generator.conf on the board (the old file is kept as .carveout-bak)",
				getFieldEditorParent()));
	}

	@Override
	public void init(IWorkbench workbench) {
		// the store is set in the constructor
	}
}
