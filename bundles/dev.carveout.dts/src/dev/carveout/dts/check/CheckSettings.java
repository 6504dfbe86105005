package dev.carveout.dts.check;

import java.nio.file.Path;
import java.util.List;

import dev.carveout.memmap.KernelProfile;
import dev.carveout.memmap.rules.RuleSet;

/**
 * How to read and judge a board: the include directories searched after the including file's own
 * (cpp's -I), the rules with their severities, and the kernel the board boots.
 */
public record CheckSettings(List<Path> includeDirs, RuleSet rules, KernelProfile profile) {

	public CheckSettings {
		includeDirs = List.copyOf(includeDirs);
	}

	public static CheckSettings defaults() {
		return new CheckSettings(List.of(), RuleSet.defaults(), KernelProfile.DEFAULT);
	}

	public CheckSettings withIncludeDirs(List<Path> dirs) {
		return new CheckSettings(dirs, rules, profile);
	}

	public CheckSettings withRules(RuleSet newRules) {
		return new CheckSettings(includeDirs, newRules, profile);
	}

	public CheckSettings withProfile(KernelProfile newProfile) {
		return new CheckSettings(includeDirs, rules, newProfile);
	}
}
