package dev.carveout.ui.prefs;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ProjectScope;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbenchPropertyPage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import dev.carveout.ui.CarveoutUi;
import dev.carveout.ui.help.HelpContexts;

/**
 * Project > Properties > Carveout: where the project's boards find their includes (paths relative to the
 * project, or a kernel tree) and, if wanted, a kernel profile of its own.
 */
public final class CarveoutPropertyPage extends FieldEditorPreferencePage implements IWorkbenchPropertyPage {

	private IAdaptable element;

	public CarveoutPropertyPage() {
		super(GRID);
		setDescription("Include paths are searched after the including file's folder, in order, as cpp's -I.");
	}

	@Override
	public IAdaptable getElement() {
		return element;
	}

	@Override
	public void setElement(IAdaptable element) {
		this.element = element;
		IProject project = element.getAdapter(IProject.class);
		setPreferenceStore(new ScopedPreferenceStore(new ProjectScope(project), CarveoutUi.PLUGIN_ID));
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		HelpContexts.set(getControl(), HelpContexts.PROJECT_PROPERTIES);
	}

	@Override
	protected void createFieldEditors() {
		addField(new StringFieldEditor(CarveoutPreferences.INCLUDE_PATHS, "Include paths (relative to the project, ';' between):",
				getFieldEditorParent()));
		addField(new StringFieldEditor(CarveoutPreferences.KERNEL_TREE, "Kernel tree (kbuild's include paths):", getFieldEditorParent()));
		addField(new BooleanFieldEditor(CarveoutPreferences.PROJECT_PROFILE, "Use a kernel profile of this project's own",
				getFieldEditorParent()));
		addField(new ComboFieldEditor(CarveoutPreferences.PAGE_SIZE, "arm64 page size:", CarveoutPreferencePage.PAGE_SIZES,
				getFieldEditorParent()));
		addField(new CarveoutPreferencePage.KernelVersionField(CarveoutPreferences.KERNEL_VERSION, getFieldEditorParent()));
	}
}
