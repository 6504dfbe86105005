package dev.carveout.dts.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.carveout.memmap.KernelVersion;

/**
 * What a folder a user imports holds for DeviceTree work: a Linux kernel tree (a top-level Makefile with
 * VERSION and PATCHLEVEL, and arch/ARCH/boot/dts folders) or anything else, read as a plain folder of sources.
 * Reads only the Makefile and a few directory listings, never the tree's 90,000 files.
 *
 * @param version       the kernel's MAJOR.MINOR from its Makefile; empty for a plain folder
 * @param fullVersion   VERSION.PATCHLEVEL.SUBLEVEL and EXTRAVERSION as `make kernelversion` prints them
 * @param architectures the architectures with a boot/dts folder, arm64 first when there is one
 * @param problem       why the folder is not read as a kernel tree; null for a kernel tree
 */
public record SourceTree(Path root, Optional<KernelVersion> version, String fullVersion, List<String> architectures,
		String problem) {

	/** The architecture a kernel tree is imported for when the user does not pick one. */
	public static final String PREFERRED_ARCH = "arm64";
	private static final Pattern VARIABLE = Pattern.compile("^(VERSION|PATCHLEVEL|SUBLEVEL|EXTRAVERSION)\\s*=\\s*(\\S*)\\s*$",
			Pattern.MULTILINE);

	public SourceTree {
		architectures = List.copyOf(architectures);
	}

	public boolean isKernelTree() {
		return problem == null;
	}

	/** Reads what kind of tree {@code root} is; a missing or unreadable Makefile makes it a plain folder. */
	public static SourceTree inspect(Path root) {
		Path makefile = root.resolve("Makefile");
		if (!Files.isRegularFile(makefile)) {
			return plain(root, "no top-level Makefile");
		}
		Map<String, String> variables = new LinkedHashMap<>();
		try {
			Matcher m = VARIABLE.matcher(Files.readString(makefile));
			while (m.find()) {
				variables.putIfAbsent(m.group(1), m.group(2));
			}
		} catch (IOException | RuntimeException e) {
			return plain(root, "cannot read the Makefile: " + e.getMessage());
		}
		String major = variables.get("VERSION");
		String minor = variables.get("PATCHLEVEL");
		if (major == null || minor == null || !major.matches("\\d+") || !minor.matches("\\d+")) {
			return plain(root, "its Makefile sets no kernel VERSION and PATCHLEVEL");
		}
		List<String> arches = architectures(root);
		if (arches.isEmpty()) {
			return plain(root, "no arch/*/boot/dts folder");
		}
		String sublevel = variables.getOrDefault("SUBLEVEL", "");
		String full = major + "." + minor + (sublevel.isEmpty() ? "" : "." + sublevel) + variables.getOrDefault("EXTRAVERSION", "");
		return new SourceTree(root, Optional.of(KernelVersion.parse(major + "." + minor)), full, arches, null);
	}

	/**
	 * The folders of the tree DeviceTree sources of {@code arch} are read from, relative to the root: the
	 * architecture's dts folder, the bindings headers, and arm's dts folder for arm64 (its boards include arm's
	 * .dtsi through include-prefixes/arm). Not scripts/dtc/include-prefixes itself: an include path only, whose
	 * links to every architecture's dts folder would bring each file in a second time.
	 */
	public List<String> deviceTreeFolders(String arch) {
		if (!isKernelTree()) {
			return List.of("");
		}
		List<String> folders = new ArrayList<>();
		folders.add("arch/" + arch + "/boot/dts");
		if (arch.equals("arm64") && Files.isDirectory(root.resolve("arch/arm/boot/dts"))) {
			folders.add("arch/arm/boot/dts");
		}
		if (Files.isDirectory(root.resolve("include/dt-bindings"))) {
			folders.add("include/dt-bindings");
		}
		return folders;
	}

	private static SourceTree plain(Path root, String why) {
		return new SourceTree(root, Optional.empty(), "", List.of(), why);
	}

	private static List<String> architectures(Path root) {
		Path arch = root.resolve("arch");
		if (!Files.isDirectory(arch)) {
			return List.of();
		}
		try (Stream<Path> children = Files.list(arch)) {
			List<String> found = new ArrayList<>(children.filter(a -> Files.isDirectory(a.resolve("boot/dts")))
					.map(a -> a.getFileName().toString()).sorted().toList());
			if (found.remove(PREFERRED_ARCH)) {
				found.add(0, PREFERRED_ARCH);
			}
			return found;
		} catch (IOException e) {
			return List.of();
		}
	}
}
