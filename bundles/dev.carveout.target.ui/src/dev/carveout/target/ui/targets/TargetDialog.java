package dev.carveout.target.ui.targets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import dev.carveout.target.Target;

/**
 * Adds or edits a target. The password or passphrase typed here goes to secure storage only; the dialog never
 * shows a stored one (an empty field on edit keeps it).
 */
public final class TargetDialog extends TitleAreaDialog {

	/** What the user entered; secret is null when the stored one is to be kept. */
	public record Result(Target target, char[] secret, boolean forgetSecret) {
	}

	private final Target initial;
	private final Collection<String> takenNames;
	private final boolean hasStoredSecret;

	private Text name;
	private Text host;
	private Text port;
	private Text user;
	private Button useKey;
	private Text keyFile;
	private Button browse;
	private Text secret;
	private Label secretLabel;
	private Button forget;
	private Result result;

	/**
	 * @param initial         the target to edit, or null to add one
	 * @param takenNames      names of the other targets (a new name must differ)
	 * @param hasStoredSecret whether secure storage holds a secret for {@code initial}
	 */
	public TargetDialog(Shell shell, Target initial, Collection<String> takenNames, boolean hasStoredSecret) {
		super(shell);
		this.initial = initial;
		this.takenNames = takenNames;
		this.hasStoredSecret = hasStoredSecret;
	}

	public Result result() {
		return result;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(initial == null ? "New Target" : "Edit Target");
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle(initial == null ? "New target board" : "Target " + initial.name());
		setMessage("A board reachable over SSH. Host keys are checked against ~/.ssh/known_hosts.");
		Composite form = new Composite(area, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(3).applyTo(form);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
		name = field(form, "&Name:", initial == null ? "" : initial.name());
		host = field(form, "&Host:", initial == null ? "" : initial.host());
		port = field(form, "&Port:", initial == null ? "22" : Integer.toString(initial.port()));
		user = field(form, "&User:", initial == null ? "root" : initial.user());

		useKey = new Button(form, SWT.CHECK);
		useKey.setText("Authenticate with a &key file (else with a password)");
		GridDataFactory.swtDefaults().span(3, 1).applyTo(useKey);
		useKey.setSelection(initial == null || !initial.usesPassword());
		new Label(form, SWT.NONE).setText("&Key file:");
		keyFile = new Text(form, SWT.BORDER);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(keyFile);
		keyFile.setText(initial == null || initial.usesPassword() ? defaultKey() : initial.privateKeyFile().toString());
		browse = new Button(form, SWT.PUSH);
		browse.setText("&Browse...");
		browse.addListener(SWT.Selection, e -> {
			FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
			dialog.setFilterPath(Path.of(System.getProperty("user.home"), ".ssh").toString());
			String chosen = dialog.open();
			if (chosen != null) {
				keyFile.setText(chosen);
			}
		});

		secretLabel = new Label(form, SWT.NONE);
		secret = new Text(form, SWT.BORDER | SWT.PASSWORD);
		GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(secret);
		secret.setMessage(hasStoredSecret ? "(stored in secure storage; type to replace)" : "");
		forget = new Button(form, SWT.CHECK);
		forget.setText("&Forget the stored secret");
		forget.setEnabled(hasStoredSecret);
		GridDataFactory.swtDefaults().span(3, 1).applyTo(forget);
		Label note = new Label(form, SWT.WRAP);
		note.setText("Secrets are kept in Eclipse secure storage only, never in the workspace.");
		GridDataFactory.fillDefaults().span(3, 1).applyTo(note);

		useKey.addListener(SWT.Selection, e -> update());
		for (Text t : new Text[] { name, host, port, user, keyFile }) {
			t.addModifyListener(e -> update());
		}
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		super.createButtonsForButtonBar(parent);
		update();
	}

	private static String defaultKey() {
		Path key = Path.of(System.getProperty("user.home"), ".ssh", "id_ed25519");
		return Files.exists(key) ? key.toString() : "";
	}

	private static Text field(Composite form, String label, String value) {
		new Label(form, SWT.NONE).setText(label);
		Text text = new Text(form, SWT.BORDER);
		text.setText(value);
		GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(text);
		return text;
	}

	private void update() {
		boolean key = useKey.getSelection();
		keyFile.setEnabled(key);
		browse.setEnabled(key);
		secretLabel.setText(key ? "Pass&phrase:" : "Pass&word:");
		secretLabel.getParent().layout();
		String problem = problem();
		setErrorMessage(problem);
		Button ok = getButton(IDialogConstants.OK_ID);
		if (ok != null) {
			ok.setEnabled(problem == null);
		}
	}

	/** What keeps the entry from being a valid target, or null. */
	private String problem() {
		String n = name.getText().strip();
		if (n.isEmpty()) {
			return "Enter a name.";
		}
		if (takenNames.contains(n) && (initial == null || !initial.name().equals(n))) {
			return "A target named '" + n + "' exists already.";
		}
		if (host.getText().isBlank()) {
			return "Enter the board's host name or address.";
		}
		int p = parsePort();
		if (p < 1 || p > 65535) {
			return "The port must be a number from 1 to 65535.";
		}
		if (user.getText().isBlank()) {
			return "Enter the login user.";
		}
		if (useKey.getSelection() && !Files.isReadable(Path.of(keyFile.getText().strip()))) {
			return "The key file " + keyFile.getText().strip() + " cannot be read.";
		}
		return null;
	}

	private int parsePort() {
		try {
			return Integer.parseInt(port.getText().strip());
		} catch (NumberFormatException e) {
			return -1;
		}
	}

	@Override
	protected void okPressed() {
		if (problem() != null) {
			return;
		}
		Target target = new Target(name.getText().strip(), host.getText().strip(), parsePort(), user.getText().strip(),
				useKey.getSelection() ? Path.of(keyFile.getText().strip()) : null);
		char[] typed = secret.getTextChars();
		result = new Result(target, typed.length == 0 ? null : typed, forget.getSelection());
		super.okPressed();
	}
}
