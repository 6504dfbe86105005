package dev.carveout.ui.prefs;

import java.util.Locale;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import dev.carveout.memmap.KernelVersion;
import dev.carveout.memmap.rules.Rule;
import dev.carveout.memmap.rules.Rules;
import dev.carveout.ui.CarveoutUi;
import dev.carveout.ui.help.HelpContexts;

/** Preferences > Carveout: the kernel the boards boot, and how loud each rule is. */
public final class CarveoutPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	static final String[][] PAGE_SIZES = { { "4 KiB", "4" }, { "16 KiB", "16" }, { "64 KiB", "64" } };

	public CarveoutPreferencePage() {
		super(GRID);
		setDescription("The kernel your boards boot decides what the reserved-memory rules require (CMA alignment above all).");
	}

	@Override
	public void init(IWorkbench workbench) {
		setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, CarveoutUi.PLUGIN_ID));
		getPreferenceStore().setDefault(CarveoutPreferences.PAGE_SIZE, "4");
		getPreferenceStore().setDefault(CarveoutPreferences.KERNEL_VERSION, "6.12");
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		HelpContexts.set(getControl(), HelpContexts.PREFERENCES);
	}

	@Override
	protected void createFieldEditors() {
		addField(new ComboFieldEditor(CarveoutPreferences.PAGE_SIZE, "arm64 page size:", PAGE_SIZES, getFieldEditorParent()));
		addField(new KernelVersionField(CarveoutPreferences.KERNEL_VERSION, getFieldEditorParent()));
		String[][] severities = { { "Error", "error" }, { "Warning", "warning" }, { "Info", "info" }, { "Off", "off" } };
		for (Rule rule : Rules.ALL) {
			getPreferenceStore().setDefault(CarveoutPreferences.SEVERITY_PREFIX + rule.id(),
					rule.defaultSeverity().name().toLowerCase(Locale.ROOT));
			addField(new ComboFieldEditor(CarveoutPreferences.SEVERITY_PREFIX + rule.id(), rule.id() + " " + rule.name() + ":",
					severities, getFieldEditorParent()));
		}
	}

	/** "MAJOR.MINOR", checked as the CLI's --kernel is. */
	static final class KernelVersionField extends StringFieldEditor {
		KernelVersionField(String key, Composite parent) {
			super(key, "Kernel version (e.g. 6.12):", parent);
			setEmptyStringAllowed(false);
		}

		@Override
		protected boolean doCheckState() {
			try {
				KernelVersion.parse(getStringValue());
				return true;
			} catch (IllegalArgumentException e) {
				setErrorMessage(e.getMessage());
				return false;
			}
		}
	}
}
