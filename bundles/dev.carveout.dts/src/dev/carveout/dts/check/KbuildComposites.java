package dev.carveout.dts.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The composite boards a kernel's DeviceTree Makefiles declare, as kbuild reads them (scripts/Makefile.dtbs):
 * "name-dtbs := base.dtb a.dtbo b.dtbo" (or +=, with backslash continuations) builds name.dtb with fdtoverlay.
 * A ".dtb" part that is itself a composite of the same Makefile is replaced by that composite's parts, which
 * applying them in order gives the same tree as kbuild's two steps.
 */
public final class KbuildComposites {

	private static final Pattern DECLARATION = Pattern.compile("^([A-Za-z0-9_.,+-]+)-dtbs\\s*[:+]?=(.*)$");

	/** A composite: the kbuild target without ".dtb" and its sources, base board first. */
	public record Composite(Path target, List<Path> parts) {
	}

	private KbuildComposites() {
	}

	/** Every composite of every Makefile under {@code dtsDir}, in path order. */
	public static List<Composite> under(Path dtsDir) throws IOException {
		List<Path> makefiles;
		try (Stream<Path> files = Files.walk(dtsDir)) {
			makefiles = files.filter(f -> f.getFileName().toString().equals("Makefile") && Files.isRegularFile(f)).sorted()
					.toList();
		}
		List<Composite> composites = new ArrayList<>();
		for (Path makefile : makefiles) {
			composites.addAll(in(makefile));
		}
		return composites;
	}

	/**
	 * The composites that list {@code part} (a .dtso, or a base .dts), as the Makefile beside it declares them,
	 * in declaration order: which boards an overlay opened on its own is built into. Empty when there is no
	 * Makefile there or it cannot be read (an overlay outside a kernel tree).
	 */
	public static List<Composite> listing(Path part) {
		Path file = part.toAbsolutePath().normalize();
		Path makefile = file.resolveSibling("Makefile");
		if (!Files.isRegularFile(makefile)) {
			return List.of();
		}
		try {
			return in(makefile).stream()
					.filter(c -> c.parts().stream().anyMatch(p -> p.normalize().equals(file))).toList();
		} catch (IOException | RuntimeException e) {
			return List.of(); // a Makefile we cannot read names no composite; the overlay is checked alone
		}
	}

	/** The composites one Makefile declares, in the order it declares them. */
	public static List<Composite> in(Path makefile) throws IOException {
		return in(makefile, Files.readAllLines(makefile));
	}

	/** The composites a Makefile's lines declare (read from elsewhere than the disk: a git revision). */
	public static List<Composite> in(Path makefile, List<String> makefileLines) {
		Map<String, List<String>> declared = new LinkedHashMap<>();
		for (String line : logicalLines(makefileLines)) {
			Matcher m = DECLARATION.matcher(line.strip());
			if (m.matches()) {
				List<String> parts = declared.computeIfAbsent(m.group(1), k -> new ArrayList<>());
				for (String word : m.group(2).strip().split("\\s+")) {
					if (!word.isEmpty()) {
						parts.add(word);
					}
				}
			}
		}
		Path dir = makefile.getParent();
		List<Composite> composites = new ArrayList<>();
		declared.forEach((name, parts) -> composites.add(new Composite(dir.resolve(name), expand(name, declared, dir, 0))));
		return composites;
	}

	private static List<Path> expand(String name, Map<String, List<String>> declared, Path dir, int depth) {
		List<Path> sources = new ArrayList<>();
		for (String part : declared.get(name)) {
			String base = part.replaceFirst("\\.dtbo?$", "");
			// a cycle cannot be built by make either; the depth bound keeps a broken Makefile from looping
			if (part.endsWith(".dtb") && declared.containsKey(base) && depth < 16) {
				sources.addAll(expand(base, declared, dir, depth + 1));
			} else {
				sources.add(dir.resolve(base + (part.endsWith(".dtbo") ? ".dtso" : ".dts")));
			}
		}
		return sources;
	}

	/** make's lines: a backslash at the end joins the next line with a space; '#' starts a comment. */
	private static List<String> logicalLines(List<String> lines) {
		List<String> logical = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : lines) {
			if (line.endsWith("\\")) {
				current.append(line, 0, line.length() - 1).append(' ');
				continue;
			}
			current.append(line);
			String text = current.toString();
			int comment = text.indexOf('#');
			logical.add(comment < 0 ? text : text.substring(0, comment));
			current.setLength(0);
		}
		return logical;
	}
}
