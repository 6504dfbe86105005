package dev.carveout.ui.map;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** Asks for a kernel boot log (dmesg, a serial console capture) pasted as text. */
final class BootLogDialog extends Dialog {

	private Text area;
	private String log = "";

	BootLogDialog(Shell parent) {
		super(parent);
	}

	@Override
	protected boolean isResizable() {
		return true;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("Paste Boot Log");
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		Label hint = new Label(area, SWT.WRAP);
		hint.setText("Paste the kernel's boot messages (dmesg or a console log); the \"OF: reserved mem:\" lines are "
				+ "compared with the board's memory map.");
		hint.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		this.area = new Text(area, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
		GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
		data.widthHint = convertWidthInCharsToPixels(110);
		data.heightHint = convertHeightInCharsToPixels(20);
		this.area.setLayoutData(data);
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, "Compare", true);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
	}

	@Override
	protected void okPressed() {
		log = area.getText();
		super.okPressed();
	}

	String log() {
		return log;
	}
}
