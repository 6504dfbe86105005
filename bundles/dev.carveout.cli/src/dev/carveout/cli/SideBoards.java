package dev.carveout.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import dev.carveout.dts.check.KbuildComposites;

/**
 * The boards one side of a diff has, by name (top-relative): every .dts, every composite its Makefiles declare
 * (named by its kbuild target without ".dtb", as check names it), and every .dtso no composite uses (an overlay
 * checked alone). Each with its parts, top-relative, base first.
 */
final class SideBoards {

	private SideBoards() {
	}

	/** @param wanted which board names count (the PATH arguments, the kernel tree's architecture) */
	static Map<String, List<String>> of(DiffSide side, Predicate<String> wanted) {
		Map<String, List<String>> boards = new TreeMap<>(SideBoards::kbuildOrder);
		Set<String> overlaysUsed = new HashSet<>();
		for (String file : side.files()) {
			if (file.endsWith(".dts") && wanted.test(file) && side.has(file)) {
				boards.put(file, List.of(file));
			} else if ((file.equals("Makefile") || file.endsWith("/Makefile")) && side.has(file)) {
				List<String> lines = side.text(file).map(t -> t.lines().toList()).orElse(List.of());
				for (KbuildComposites.Composite composite : KbuildComposites.in(side.path(file), lines)) {
					String name = side.relative(composite.target());
					List<String> parts = composite.parts().stream().map(side::relative).toList();
					overlaysUsed.addAll(parts);
					if (name != null && !parts.contains(null) && wanted.test(name)) {
						boards.put(name, parts);
					}
				}
			}
		}
		for (String file : side.files()) {
			if (file.endsWith(".dtso") && !overlaysUsed.contains(file) && wanted.test(file) && side.has(file)) {
				boards.put(file, List.of(file));
			}
		}
		return boards;
	}

	/** A base before the composites named after it ("board", "board-camera"), as check --all-boards orders them. */
	static int kbuildOrder(String a, String b) {
		int order = a.replaceFirst("\\.dtso?$", "").compareTo(b.replaceFirst("\\.dtso?$", ""));
		return order != 0 ? order : a.compareTo(b);
	}
}
