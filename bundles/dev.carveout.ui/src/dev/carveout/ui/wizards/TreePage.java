package dev.carveout.ui.wizards;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import dev.carveout.dts.check.SourceTree;
import dev.carveout.ui.help.HelpContexts;

/**
 * The one page of both wizards: the tree's folder (optional for a new project), what was found in it, the
 * project's name, the architecture and whether the builder checks every board.
 */
final class TreePage extends WizardPage {

	private final boolean folderRequired;
	private Text folder;
	private Label found;
	private Text name;
	private Combo arch;
	private Button nature;
	private SourceTree tree;
	/** Set once the user typed a name: a new folder no longer renames the project. */
	private boolean nameTyped;

	TreePage(String title, String description, boolean folderRequired) {
		super("tree");
		setTitle(title);
		setDescription(description);
		this.folderRequired = folderRequired;
	}

	@Override
	public void createControl(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(3).applyTo(page);
		new Label(page, SWT.NONE).setText("&Kernel or BSP tree:");
		folder = new Text(page, SWT.BORDER);
		GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(folder);
		folder.setToolTipText("The top of a Linux source tree (with its Makefile) or any folder of DeviceTree sources; "
				+ "it is linked, not copied");
		Button browse = new Button(page, SWT.PUSH);
		browse.setText("B&rowse…");
		browse.addListener(SWT.Selection, e -> browse());
		found = new Label(page, SWT.WRAP);
		GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(420, SWT.DEFAULT).applyTo(found);
		new Label(page, SWT.NONE).setText("&Project name:");
		name = new Text(page, SWT.BORDER);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(name);
		new Label(page, SWT.NONE).setText("&Architecture:");
		arch = new Combo(page, SWT.READ_ONLY);
		GridDataFactory.fillDefaults().span(2, 1).applyTo(arch);
		arch.setToolTipText("Whose arch/ARCH/boot/dts is linked and searched for includes, as kbuild does");
		nature = new Button(page, SWT.CHECK);
		nature.setText("Check every &board of the project on each build (Carveout nature)");
		nature.setToolTipText("A kernel tree has about a thousand boards: without it, a board is checked when opened");
		GridDataFactory.fillDefaults().span(3, 1).applyTo(nature);
		folder.addListener(SWT.Modify, e -> folderChanged());
		name.addListener(SWT.Modify, e -> {
			nameTyped = name.isFocusControl();
			validate();
		});
		arch.addListener(SWT.Selection, e -> validate());
		setControl(page);
		HelpContexts.set(page, HelpContexts.TREE_WIZARD);
		folderChanged();
	}

	private void browse() {
		DirectoryDialog dialog = new DirectoryDialog(getShell());
		dialog.setMessage("The top of a kernel tree, or a folder of DeviceTree sources");
		String chosen = dialog.open();
		if (chosen != null) {
			folder.setText(chosen);
		}
	}

	private void folderChanged() {
		String text = folder.getText().trim();
		Path path = text.isEmpty() ? null : Path.of(text);
		tree = path != null && Files.isDirectory(path) ? SourceTree.inspect(path) : null;
		arch.removeAll();
		if (tree != null && tree.isKernelTree()) {
			tree.architectures().forEach(arch::add);
			arch.select(0);
			found.setText("Linux " + tree.fullVersion() + " kernel tree: links " + String.join(", ",
					tree.deviceTreeFolders(tree.architectures().get(0))) + "; include paths and kernel profile from the tree");
			suggestName("linux-" + tree.fullVersion());
		} else if (tree != null) {
			found.setText("Not a kernel tree (" + tree.problem() + "): imported as a plain DeviceTree project, "
					+ "its DeviceTree sources linked; set include paths in Project > Properties > Carveout");
			suggestName(path.getFileName().toString());
		} else {
			found.setText("");
		}
		arch.setEnabled(arch.getItemCount() > 1);
		found.getParent().layout(true, true);
		validate();
	}

	private void suggestName(String suggestion) {
		if (!nameTyped) {
			name.setText(suggestion);
		}
	}

	private void validate() {
		String error = null;
		String text = folder.getText().trim();
		if (!text.isEmpty() && tree == null) {
			error = "No such folder: " + text;
		} else if (text.isEmpty() && folderRequired) {
			error = "Choose the top folder of a kernel or BSP tree";
		} else if (name.getText().isBlank()) {
			error = "Name the project";
		} else {
			IStatus valid = ResourcesPlugin.getWorkspace().validateName(name.getText().trim(),
					org.eclipse.core.resources.IResource.PROJECT);
			if (!valid.isOK()) {
				error = valid.getMessage();
			} else if (ResourcesPlugin.getWorkspace().getRoot().getProject(name.getText().trim()).exists()) {
				error = "A project named " + name.getText().trim() + " exists already";
			}
		}
		setErrorMessage(error);
		setMessage(tree != null && !tree.isKernelTree() ? "Not a kernel tree: " + tree.problem() : null,
				IMessageProvider.WARNING);
		setPageComplete(error == null);
	}

	/** What the user chose; the tree is null for an empty new project. */
	TreeProjects.Request request() {
		return new TreeProjects.Request(name.getText().trim(), tree,
				arch.getSelectionIndex() < 0 ? SourceTree.PREFERRED_ARCH : arch.getItem(arch.getSelectionIndex()),
				nature.getSelection());
	}

	/** For tests and callers that know the folder: as if the user had typed it. */
	void setFolder(String path) {
		folder.setText(path);
	}

	void setNature(boolean on) {
		nature.setSelection(on);
	}
}
