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

	/**
	 * kbuild's include paths for a kernel tree: scripts/dtc/include-prefixes (through which {@code <dt-bindings/...>}
	 * and {@code <arm64/...>} resolve) and the architecture's dts folder; the board's own folder is searched
	 * first for quoted includes anyway.
	 */
	public CheckSettings withKernelTree(Path kernelTree, String arch) {
		List<Path> dirs = new java.util.ArrayList<>(includeDirs);
		dirs.add(kernelTree.resolve("scripts/dtc/include-prefixes"));
		dirs.add(kernelTree.resolve("arch").resolve(arch).resolve("boot/dts"));
		return withIncludeDirs(dirs);
	}

	public CheckSettings withProfile(KernelProfile newProfile) {
		return new CheckSettings(includeDirs, rules, newProfile);
	}
}
