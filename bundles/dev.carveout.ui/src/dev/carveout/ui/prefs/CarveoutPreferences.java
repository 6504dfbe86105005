package dev.carveout.ui.prefs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ProjectScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;

import dev.carveout.dts.check.CheckSettings;
import dev.carveout.memmap.KernelProfile;
import dev.carveout.memmap.KernelVersion;
import dev.carveout.memmap.Severity;
import dev.carveout.memmap.rules.Rule;
import dev.carveout.memmap.rules.RuleSet;
import dev.carveout.memmap.rules.Rules;
import dev.carveout.ui.CarveoutUi;

/**
 * Where a board's check settings come from: the kernel profile and rule severities of the workspace
 * (Preferences > Carveout), which a project may override, and the project's include paths or kernel tree
 * (Project > Properties > Carveout). With nothing set, a board is checked with the defaults.
 */
public final class CarveoutPreferences {

	public static final String PAGE_SIZE = "pageSize";
	public static final String KERNEL_VERSION = "kernelVersion";
	public static final String SEVERITY_PREFIX = "severity.";
	public static final String INCLUDE_PATHS = "includePaths";
	public static final String KERNEL_TREE = "kernelTree";
	/** The architecture whose boot/dts folder kbuild's include paths name; arm64 when unset. */
	public static final String KERNEL_ARCH = "kernelArch";
	public static final String PROJECT_PROFILE = "projectProfile";

	private CarveoutPreferences() {
	}

	public static IEclipsePreferences workspace() {
		return InstanceScope.INSTANCE.getNode(CarveoutUi.PLUGIN_ID);
	}

	public static IEclipsePreferences project(IProject project) {
		return new ProjectScope(project).getNode(CarveoutUi.PLUGIN_ID);
	}

	/** The settings a board of this project is checked with; a bad stored value falls back to the default. */
	public static CheckSettings settingsFor(IProject project) {
		IEclipsePreferences workspace = workspace();
		IEclipsePreferences own = project == null ? null : project(project);
		IEclipsePreferences profileSource = own != null && own.getBoolean(PROJECT_PROFILE, false) ? own : workspace;
		CheckSettings settings = CheckSettings.defaults().withProfile(profile(profileSource)).withRules(rules(workspace));
		if (own == null || project.getLocation() == null) {
			return settings;
		}
		Path root = project.getLocation().toPath();
		List<Path> includes = new ArrayList<>();
		for (String line : own.get(INCLUDE_PATHS, "").split("[;\n]")) {
			if (!line.isBlank()) {
				includes.add(root.resolve(line.trim()).normalize());
			}
		}
		settings = settings.withIncludeDirs(includes);
		String tree = own.get(KERNEL_TREE, "").trim();
		return tree.isEmpty() ? settings
				: settings.withKernelTree(root.resolve(tree).normalize(), own.get(KERNEL_ARCH, "arm64").trim());
	}

	static KernelProfile profile(IEclipsePreferences node) {
		try {
			int pageSize = node.getInt(PAGE_SIZE, KernelProfile.DEFAULT.pageSizeKiB());
			String version = node.get(KERNEL_VERSION, KernelProfile.DEFAULT.version().toString());
			return new KernelProfile(pageSize, KernelVersion.parse(version));
		} catch (IllegalArgumentException e) {
			return KernelProfile.DEFAULT;
		}
	}

	static RuleSet rules(IEclipsePreferences node) {
		RuleSet rules = RuleSet.defaults();
		for (Rule rule : Rules.ALL) {
			String value = node.get(SEVERITY_PREFIX + rule.id(), null);
			if (value != null) {
				try {
					rules = rules.withSeverity(rule.id(), Severity.valueOf(value.toUpperCase(Locale.ROOT)));
				} catch (IllegalArgumentException e) {
					// an unknown severity stored by hand: keep the rule's default
				}
			}
		}
		return rules;
	}
}
