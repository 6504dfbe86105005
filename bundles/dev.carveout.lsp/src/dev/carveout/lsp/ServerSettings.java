package dev.carveout.lsp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.carveout.dts.check.CheckSettings;
import dev.carveout.memmap.KernelProfile;
import dev.carveout.memmap.KernelVersion;
import dev.carveout.memmap.Severity;
import dev.carveout.memmap.rules.RuleSet;

/**
 * The client's settings, the same knobs as {@code carveout check}'s options:
 * {@code {"carveout": {"includePaths": [...], "pageSize": 4, "kernel": "6.12", "rules": {"R13": "off"}}}}
 * (the "carveout" wrapper is optional: initializationOptions often come without it). Relative include paths
 * are taken from the workspace root. A bad value is reported and that one setting keeps its default.
 */
final class ServerSettings {

	private ServerSettings() {
	}

	static CheckSettings parse(Object settings, Path root, List<String> problems) {
		CheckSettings result = CheckSettings.defaults();
		if (!(settings instanceof JsonElement json) || !json.isJsonObject()) {
			return result;
		}
		JsonObject object = json.getAsJsonObject();
		if (object.has("carveout") && object.get("carveout").isJsonObject()) {
			object = object.getAsJsonObject("carveout");
		}
		if (object.has("includePaths") && object.get("includePaths").isJsonArray()) {
			List<Path> dirs = new ArrayList<>();
			for (JsonElement dir : object.getAsJsonArray("includePaths")) {
				Path path = Path.of(dir.getAsString());
				dirs.add((root != null && !path.isAbsolute() ? root.resolve(path) : path).toAbsolutePath().normalize());
			}
			result = result.withIncludeDirs(dirs);
		}
		result = result.withProfile(profile(object, problems));
		if (object.has("rules") && object.get("rules").isJsonObject()) {
			RuleSet rules = RuleSet.defaults();
			for (Map.Entry<String, JsonElement> rule : object.getAsJsonObject("rules").entrySet()) {
				try {
					rules = rules.withSeverity(rule.getKey(),
							Severity.valueOf(rule.getValue().getAsString().toUpperCase(Locale.ROOT)));
				} catch (RuntimeException e) {
					problems.add("rules." + rule.getKey() + ": " + e.getMessage());
				}
			}
			result = result.withRules(rules);
		}
		return result;
	}

	private static KernelProfile profile(JsonObject object, List<String> problems) {
		int pageSize = KernelProfile.DEFAULT.pageSizeKiB();
		KernelVersion version = KernelProfile.DEFAULT.version();
		try {
			if (object.has("pageSize")) {
				pageSize = object.get("pageSize").getAsInt();
			}
			if (object.has("kernel")) {
				version = KernelVersion.parse(object.get("kernel").getAsString());
			}
			return new KernelProfile(pageSize, version);
		} catch (RuntimeException e) {
			problems.add("kernel profile: " + e.getMessage());
			return KernelProfile.DEFAULT;
		}
	}
}
