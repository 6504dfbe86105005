package dev.carveout.target.ui.targets;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;

import dev.carveout.target.Target;

/**
 * The boards the user has configured, kept in the workspace's instance preferences: name, host, port, user and
 * key file only. Passwords and passphrases never come here; they live in {@link SecureTargetSecrets}.
 */
public final class TargetStore {

	private static final String NODE = "targets";
	private static final String HOST = "host";
	private static final String PORT = "port";
	private static final String USER = "user";
	private static final String KEY_FILE = "keyFile";

	private static final TargetStore DEFAULT = new TargetStore(
			InstanceScope.INSTANCE.getNode("dev.carveout.target.ui"));

	private final IEclipsePreferences root;
	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	TargetStore(IEclipsePreferences root) {
		this.root = root;
	}

	/** The workspace's targets. */
	public static TargetStore getDefault() {
		return DEFAULT;
	}

	/** All targets, by name. A damaged entry (bad port, missing host) is left out rather than failing the list. */
	public List<Target> targets() {
		Preferences node = root.node(NODE);
		List<Target> targets = new ArrayList<>();
		try {
			for (String child : node.childrenNames()) {
				read(node.node(child), decode(child)).ifPresent(targets::add);
			}
		} catch (BackingStoreException e) {
			throw new IllegalStateException("Cannot read the Carveout targets from the workspace preferences", e);
		}
		targets.sort(Comparator.comparing(Target::name, String.CASE_INSENSITIVE_ORDER));
		return targets;
	}

	public Optional<Target> find(String name) {
		return targets().stream().filter(t -> t.name().equals(name)).findFirst();
	}

	/** Adds or replaces the target of that name. */
	public void put(Target target) {
		Preferences node = root.node(NODE).node(encode(target.name()));
		node.put(HOST, target.host());
		node.putInt(PORT, target.port());
		node.put(USER, target.user());
		if (target.usesPassword()) {
			node.remove(KEY_FILE);
		} else {
			node.put(KEY_FILE, target.privateKeyFile().toString());
		}
		save();
	}

	public void remove(String name) {
		try {
			Preferences node = root.node(NODE);
			if (node.nodeExists(encode(name))) {
				node.node(encode(name)).removeNode();
			}
		} catch (BackingStoreException e) {
			throw new IllegalStateException("Cannot remove target " + name, e);
		}
		save();
	}

	/** Called (on the caller's thread) after every change. */
	public void addListener(Runnable listener) {
		listeners.add(listener);
	}

	public void removeListener(Runnable listener) {
		listeners.remove(listener);
	}

	private void save() {
		try {
			root.flush();
		} catch (BackingStoreException e) {
			throw new IllegalStateException("Cannot save the Carveout targets", e);
		}
		listeners.forEach(Runnable::run);
	}

	private static Optional<Target> read(Preferences node, String name) {
		String host = node.get(HOST, null);
		String user = node.get(USER, null);
		String keyFile = node.get(KEY_FILE, null);
		try {
			return host == null || user == null ? Optional.empty()
					: Optional.of(new Target(name, host, node.getInt(PORT, 22), user,
							keyFile == null ? null : Path.of(keyFile)));
		} catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	// Preference node names cannot hold '/', target names may.
	static String encode(String name) {
		return URLEncoder.encode(name, StandardCharsets.UTF_8);
	}

	static String decode(String nodeName) {
		return URLDecoder.decode(nodeName, StandardCharsets.UTF_8);
	}
}
