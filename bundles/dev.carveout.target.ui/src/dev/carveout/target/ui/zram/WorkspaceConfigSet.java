package dev.carveout.target.ui.zram;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Path;
import org.eclipse.core.runtime.Status;

import dev.carveout.zram.ConfigFile;
import dev.carveout.zram.ConfigSet;
import dev.carveout.zram.ZramConfigParser;

/**
 * The configuration set a workspace file belongs to. A folder that mirrors the board's paths
 * ({@code board/etc/systemd/zram-generator.conf}, {@code board/usr/lib/systemd/zram-generator.conf.d/10-x.conf}) is one
 * set: every file in it that zram-generator reads, at its board path. Any other zram file (a {@code *.zram.conf}
 * variant) is a set of its own, read as {@code /etc/systemd/zram-generator.conf}.
 *
 * @param folder the mirrored folder, or null for a file alone
 * @param files  the workspace files by their board paths
 */
public record WorkspaceConfigSet(IContainer folder, Map<String, IFile> files) {

	/** The set of {@code file}. */
	public static WorkspaceConfigSet of(IFile file) throws CoreException {
		Optional<ConfigSet.Location> location = ConfigSet.locate(file.getFullPath().toString());
		if (location.isEmpty()) {
			return new WorkspaceConfigSet(null, Map.of(ZramConfigParser.MAIN_FILE, file));
		}
		String root = location.get().root();
		IResource member = file.getWorkspace().getRoot().findMember(new Path(root));
		if (!(member instanceof IContainer folder)) {
			return new WorkspaceConfigSet(null, Map.of(location.get().boardPath(), file));
		}
		Map<String, IFile> files = new LinkedHashMap<>();
		folder.accept(resource -> {
			if (resource instanceof IFile f) {
				String boardPath = f.getFullPath().toString().substring(root.length());
				if (ConfigSet.isRead(boardPath)) {
					files.put(boardPath, f);
				}
			}
			return true;
		});
		return new WorkspaceConfigSet(folder, files);
	}

	/** The board path of {@code file} in this set. */
	public String boardPath(IFile file) {
		return files.entrySet().stream().filter(e -> e.getValue().equals(file)).map(Map.Entry::getKey).findFirst()
				.orElseThrow(() -> new IllegalArgumentException(file + " is not in this set"));
	}

	/** The files' saved contents, with {@code unsaved} in place of one file's (an editor's text), if not null. */
	public List<ConfigFile> contents(IFile unsavedFile, String unsaved) throws CoreException {
		List<ConfigFile> contents = new ArrayList<>();
		for (Map.Entry<String, IFile> e : files.entrySet()) {
			String text = e.getValue().equals(unsavedFile) && unsaved != null ? unsaved : read(e.getValue());
			contents.add(new ConfigFile(e.getKey(), text));
		}
		return contents;
	}

	/** What the Deploy action and its console say they deploy. */
	public String describe() {
		if (folder == null) {
			return files.values().iterator().next().getName();
		}
		return "the configuration set in " + folder.getFullPath() + " (" + String.join(", ", new TreeSet<>(files.keySet())) + ")";
	}

	private static String read(IFile file) throws CoreException {
		try (InputStream in = file.getContents(true)) {
			return new String(in.readAllBytes(), Charset.forName(file.getCharset()));
		} catch (IOException e) {
			throw new CoreException(Status.error("Cannot read " + file.getFullPath() + ": " + e.getMessage(), e));
		}
	}
}
