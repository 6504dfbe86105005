package dev.carveout.dts.check;

import java.nio.file.Path;
import java.util.List;

import dev.carveout.memmap.rules.RuleSet;

/**
 * How to read and judge a board: the include directories searched after the including file's own
 * (cpp's -I), and the rules with their severities.
 */
public record CheckSettings(List<Path> includeDirs, RuleSet rules) {

	public CheckSettings {
		includeDirs = List.copyOf(includeDirs);
	}

	public static CheckSettings defaults() {
		return new CheckSettings(List.of(), RuleSet.defaults());
	}

	public CheckSettings withIncludeDirs(List<Path> dirs) {
		return new CheckSettings(dirs, rules);
	}

	public CheckSettings withRules(RuleSet newRules) {
		return new CheckSettings(includeDirs, newRules);
	}
}
