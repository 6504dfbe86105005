package dev.carveout.ui.navigation;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IURIEditorInput;

import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.CheckSettings;
import dev.carveout.dts.nav.IncludeGraph;
import dev.carveout.ui.fix.OpenDocuments;
import dev.carveout.ui.prefs.CarveoutPreferences;
import dev.carveout.ui.validation.CheckResults;

/**
 * What the engine's navigation and completion need to know about the file an editor shows: its path, the last
 * check of its board (an empty one for a file outside the workspace, which is never checked), and the include
 * search path of its project.
 */
public record EditorContext(Path path, CheckResult board, IncludeGraph includes) {

	/** The context of an editor input, or null for an input that is not a local file. */
	public static EditorContext of(IEditorInput input) {
		if (input == null) {
			return null;
		}
		IFile file = input.getAdapter(IFile.class);
		Path path = file != null && file.getLocation() != null ? file.getLocation().toPath() : localPath(input);
		if (path == null) {
			return null;
		}
		path = path.toAbsolutePath().normalize();
		CheckResult result = file == null ? null : CheckResults.latest(file);
		if (result == null) {
			result = new CheckResult(path, List.of(), Set.of(), null);
		}
		CheckSettings settings = file == null ? CheckSettings.defaults() : CarveoutPreferences.settingsFor(file.getProject());
		return new EditorContext(path, result, new IncludeGraph(new OpenDocuments(), settings.includeDirs()));
	}

	private static Path localPath(IEditorInput input) {
		if (input instanceof IURIEditorInput uriInput) {
			URI uri = uriInput.getURI();
			if (uri != null && "file".equals(uri.getScheme())) {
				return Path.of(uri);
			}
		}
		return null;
	}
}
